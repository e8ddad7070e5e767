variable "name" {
  type        = string
  description = "Name of the queue."
}

variable "fifo" {
  type        = bool
  default     = false
  description = "Exactly-once, ordered delivery."
}

variable "visibility_timeout_seconds" {
  type        = number
  default     = 30
  description = "Visibility timeout in seconds."
}

variable "retention_days" {
  type        = number
  default     = 4
  description = "Retention in days."
}

variable "max_receive_count" {
  type        = number
  default     = 5
  description = "Receives before dead-lettering."
}

locals {
  suffix = var.fifo ? ".fifo" : ""
}

resource "aws_sqs_queue" "dead_letter" {
  name                      = "${var.name}-dlq${local.suffix}"
  fifo_queue                = var.fifo
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "this" {
  name                       = "${var.name}${local.suffix}"
  fifo_queue                 = var.fifo
  visibility_timeout_seconds = var.visibility_timeout_seconds
  message_retention_seconds  = var.retention_days * 86400
  sqs_managed_sse_enabled    = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dead_letter.arn
    maxReceiveCount     = var.max_receive_count
  })
}

output "queue" {
  description = "The queue's name, URL and ARN."
  value = {
    name = aws_sqs_queue.this.name
    url  = aws_sqs_queue.this.url
    arn  = aws_sqs_queue.this.arn
  }
}
