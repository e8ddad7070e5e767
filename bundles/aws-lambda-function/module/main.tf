variable "name" {
  type        = string
  description = "Name of the function."
}

variable "runtime" {
  type        = string
  default     = "nodejs22.x"
  description = "Language runtime."

  validation {
    condition     = contains(["nodejs20.x", "nodejs22.x", "python3.12", "python3.13"], var.runtime)
    error_message = "runtime must be one of nodejs20.x, nodejs22.x, python3.12, python3.13."
  }
}

variable "handler" {
  type        = string
  default     = "index.handler"
  description = "Entry point."
}

variable "code_key" {
  type        = string
  description = "Key of the .zip package in the bucket."
}

variable "memory_mb" {
  type        = number
  default     = 256
  description = "Memory in MiB."
}

variable "timeout_seconds" {
  type        = number
  default     = 30
  description = "Timeout in seconds."
}

variable "environment" {
  type        = map(string)
  default     = {}
  description = "Environment variables."
}

variable "batch_size" {
  type        = number
  default     = 10
  description = "Messages per invocation from the queue."
}

variable "code_bucket" {
  type = object({
    name = string
  })
  description = "The aws-s3-bucket artifact holding the code."
}

variable "role" {
  type = object({
    arn = string
  })
  description = "The aws-iam-role artifact."
}

variable "queue" {
  type = object({
    arn = string
    url = string
  })
  default     = null
  description = "An optional aws-sqs-queue artifact that triggers the function."
}

resource "aws_cloudwatch_log_group" "this" {
  name              = "/aws/lambda/${var.name}"
  retention_in_days = 14
}

resource "aws_lambda_function" "this" {
  function_name = var.name
  role          = var.role.arn
  runtime       = var.runtime
  handler       = var.handler
  s3_bucket     = var.code_bucket.name
  s3_key        = var.code_key
  memory_size   = var.memory_mb
  timeout       = var.timeout_seconds

  environment {
    variables = merge(var.environment, var.queue == null ? {} : { QUEUE_URL = var.queue.url })
  }

  depends_on = [aws_cloudwatch_log_group.this]
}

resource "aws_lambda_event_source_mapping" "queue" {
  count            = var.queue == null ? 0 : 1
  event_source_arn = var.queue.arn
  function_name    = aws_lambda_function.this.arn
  batch_size       = var.batch_size
}

output "function" {
  description = "The function's name and ARNs."
  value = {
    name       = aws_lambda_function.this.function_name
    arn        = aws_lambda_function.this.arn
    invoke_arn = aws_lambda_function.this.invoke_arn
  }
}
