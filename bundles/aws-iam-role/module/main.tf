variable "name" {
  type        = string
  description = "Name of the role."
}

variable "service" {
  type        = string
  description = "Service principal that assumes the role."

  validation {
    condition     = contains(["lambda.amazonaws.com", "ecs-tasks.amazonaws.com"], var.service)
    error_message = "service must be lambda.amazonaws.com or ecs-tasks.amazonaws.com."
  }
}

variable "managed_policy_arns" {
  type        = list(string)
  default     = []
  description = "Managed policies to attach."
}

variable "bucket_write" {
  type        = bool
  default     = false
  description = "Grant write access to the bucket."
}

variable "bucket" {
  type = object({
    name = string
    arn  = string
  })
  default     = null
  description = "An optional aws-s3-bucket artifact."
}

variable "queue" {
  type = object({
    arn = string
  })
  default     = null
  description = "An optional aws-sqs-queue artifact."
}

resource "aws_iam_role" "this" {
  name = var.name
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = var.service }
    }]
  })
}

resource "aws_iam_role_policy_attachment" "managed" {
  for_each   = toset(var.managed_policy_arns)
  role       = aws_iam_role.this.name
  policy_arn = each.value
}

locals {
  bucket_actions = var.bucket_write ? ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket"] : ["s3:GetObject", "s3:ListBucket"]
  statements = concat(
    var.bucket == null ? [] : [{ Effect = "Allow", Action = local.bucket_actions, Resource = [var.bucket.arn, "${var.bucket.arn}/*"] }],
    var.queue == null ? [] : [{ Effect = "Allow", Action = ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"], Resource = [var.queue.arn] }],
  )
}

resource "aws_iam_role_policy" "access" {
  count  = length(local.statements) > 0 ? 1 : 0
  name   = "${var.name}-access"
  role   = aws_iam_role.this.id
  policy = jsonencode({ Version = "2012-10-17", Statement = local.statements })
}

output "role" {
  description = "The role's ARN and name."
  value = {
    arn  = aws_iam_role.this.arn
    name = aws_iam_role.this.name
  }
}
