variable "name" {
  type        = string
  description = "Name consumers read the secret by."
}

variable "length" {
  type        = number
  default     = 32
  description = "Length of the derived value."
}

variable "seed" {
  type        = string
  default     = "initial"
  description = "Changing the seed rotates a derived value."
}

variable "value" {
  type        = string
  default     = null
  sensitive   = true
  description = "The secret's value; derived from the seed when null."
}

locals {
  derived = substr(sha256("${var.name}/${var.seed}"), 0, var.length)
}

resource "terraform_data" "secret" {
  # Only the name and a fingerprint reach the state's input; the value stays in the sensitive output.
  input = {
    name        = var.name
    fingerprint = substr(sha256(coalesce(var.value, local.derived)), 0, 12)
  }
}

output "secret" {
  description = "The secret's name and value."
  sensitive   = true
  value = {
    name  = terraform_data.secret.output.name
    value = coalesce(var.value, local.derived)
  }
}
