variable "name" {
  type        = string
  description = "Name of the network."
}

variable "cidr" {
  type        = string
  description = "IPv4 range in CIDR notation."

  validation {
    condition     = can(cidrhost(var.cidr, 0))
    error_message = "cidr must be an IPv4 range such as 10.0.0.0/16."
  }
}

variable "domain_suffix" {
  type        = string
  default     = "local"
  description = "DNS suffix of the network."
}

resource "terraform_data" "network" {
  input = {
    name   = var.name
    cidr   = var.cidr
    domain = "${var.name}.${var.domain_suffix}"
  }

  provisioner "local-exec" {
    command = "echo \"network $NAME ready on $CIDR\""
    environment = {
      NAME = var.name
      CIDR = var.cidr
    }
  }
}

output "network" {
  description = "The network: name, CIDR range and DNS domain."
  value       = terraform_data.network.output
}
