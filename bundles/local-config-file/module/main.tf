variable "filename" {
  type        = string
  description = "File name inside the working directory."
}

variable "content" {
  type        = string
  default     = ""
  description = "Text written into the file."
}

variable "format" {
  type        = string
  default     = "env"
  description = "How the service line is written."

  validation {
    condition     = contains(["env", "ini"], var.format)
    error_message = "format must be env or ini."
  }
}

variable "service" {
  type = object({
    name = string
    url  = string
  })
  default     = null
  description = "An optional service-endpoint artifact."
}

locals {
  path         = "${path.cwd}/${var.filename}"
  service_line = var.service == null ? "" : (var.format == "env" ? "SERVICE_URL=${var.service.url}" : "service_url = ${var.service.url}")
  text         = join("\n", compact([var.content, local.service_line]))
}

resource "terraform_data" "file" {
  input = {
    path   = local.path
    sha256 = sha256(local.text)
  }

  provisioner "local-exec" {
    command = "printf '%s\\n' \"$TEXT\" > \"$FILE\""
    environment = {
      TEXT = local.text
      FILE = local.path
    }
  }

  provisioner "local-exec" {
    when    = destroy
    command = "rm -f \"$FILE\""
    environment = {
      FILE = self.output.path
    }
  }
}

output "file" {
  description = "The file's path and the sha256 of its content."
  value       = terraform_data.file.output
}
