variable "name" {
  type        = string
  description = "Name of the database."
}

variable "engine_version" {
  type        = string
  default     = "16"
  description = "Major version of PostgreSQL."

  validation {
    condition     = contains(["14", "15", "16"], var.engine_version)
    error_message = "engine_version must be 14, 15 or 16."
  }
}

variable "port" {
  type        = number
  default     = 5432
  description = "TCP port."
}

variable "username" {
  type        = string
  description = "Owner role."
}

variable "password" {
  type        = string
  sensitive   = true
  description = "Password of the owner role."
}

variable "network" {
  type = object({
    name   = string
    cidr   = string
    domain = string
  })
  description = "The network artifact the database joins."
}

resource "terraform_data" "database" {
  input = {
    host           = "${var.name}.${var.network.domain}"
    port           = var.port
    database       = var.name
    username       = var.username
    engine_version = var.engine_version
  }

  provisioner "local-exec" {
    command = "echo \"postgres $VERSION database $NAME on network $NETWORK\""
    environment = {
      VERSION = var.engine_version
      NAME    = var.name
      NETWORK = var.network.name
    }
  }
}

output "database" {
  description = "How to reach the database, with its credentials."
  sensitive   = true
  value       = merge(terraform_data.database.output, { password = var.password })
}
