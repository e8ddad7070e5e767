variable "name" {
  type        = string
  description = "Name of the queue."
}

variable "retention_hours" {
  type        = number
  default     = 24
  description = "How long an unread message is kept."
}

resource "terraform_data" "queue" {
  input = {
    name = var.name
    url  = "file://${path.cwd}/queues/${var.name}"
  }

  provisioner "local-exec" {
    command = "mkdir -p \"$DIR\""
    environment = {
      DIR = "${path.cwd}/queues/${var.name}"
    }
  }
}

output "queue" {
  description = "The queue's name and URL."
  value = {
    name = terraform_data.queue.output.name
    url  = terraform_data.queue.output.url
  }
}
