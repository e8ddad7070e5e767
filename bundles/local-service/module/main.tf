variable "name" {
  type        = string
  description = "Name of the service."
}

variable "image" {
  type        = string
  description = "Container image."
}

variable "port" {
  type        = number
  default     = 8080
  description = "TCP port."
}

variable "replicas" {
  type        = number
  default     = 1
  description = "How many instances run."
}

variable "log_level" {
  type        = string
  default     = "info"
  description = "How much the service logs."

  validation {
    condition     = contains(["debug", "info", "warn", "error"], var.log_level)
    error_message = "log_level must be debug, info, warn or error."
  }
}

variable "database" {
  type = object({
    host     = string
    port     = number
    database = string
    username = string
    password = string
  })
  sensitive   = true
  description = "The PostgreSQL connection artifact."
}

variable "network" {
  type = object({
    name   = string
    domain = string
  })
  description = "The network artifact."
}

variable "api_key" {
  type = object({
    name  = string
    value = string
  })
  default     = null
  sensitive   = true
  description = "An optional secret artifact."
}

variable "queue" {
  type = object({
    name = string
    url  = string
  })
  default     = null
  description = "An optional message-queue artifact."
}

locals {
  host = "${var.name}.${var.network.domain}"
  # The rendered configuration: what the service would read at start. Secrets stay in the sensitive output.
  config = {
    service      = var.name
    image        = var.image
    replicas     = var.replicas
    listen       = "0.0.0.0:${var.port}"
    log_level    = var.log_level
    database_url = "postgres://${var.database.username}@${var.database.host}:${var.database.port}/${var.database.database}"
    queue_url    = var.queue == null ? null : var.queue.url
    secrets      = var.api_key == null ? [] : [var.api_key.name]
  }
}

resource "terraform_data" "service" {
  input = {
    name        = var.name
    url         = "http://${local.host}:${var.port}"
    config_hash = sha256(jsonencode(nonsensitive(local.config)))
  }

  provisioner "local-exec" {
    command = "echo \"service $NAME: $REPLICAS x $IMAGE on $URL\""
    environment = {
      NAME     = var.name
      REPLICAS = tostring(var.replicas)
      IMAGE    = var.image
      URL      = "http://${local.host}:${var.port}"
    }
  }
}

output "endpoint" {
  description = "Where the service answers."
  value = {
    name = var.name
    url  = terraform_data.service.output.url
    port = var.port
  }
}

output "config" {
  description = "The rendered configuration, including the database password."
  sensitive   = true
  value       = merge(local.config, { database_password = var.database.password })
}
