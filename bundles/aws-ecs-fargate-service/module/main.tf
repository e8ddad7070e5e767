variable "name" {
  type        = string
  description = "Name of the service."
}

variable "image" {
  type        = string
  description = "Container image."
}

variable "cpu" {
  type        = number
  default     = 256
  description = "Fargate CPU units."

  validation {
    condition     = contains([256, 512, 1024, 2048, 4096], var.cpu)
    error_message = "cpu must be 256, 512, 1024, 2048 or 4096."
  }
}

variable "memory_mb" {
  type        = number
  default     = 512
  description = "Memory in MiB."
}

variable "desired_count" {
  type        = number
  default     = 1
  description = "How many tasks run."
}

variable "container_port" {
  type        = number
  default     = 80
  description = "Container port."
}

variable "assign_public_ip" {
  type        = bool
  default     = false
  description = "Run in public subnets with a public IP."
}

variable "vpc" {
  type = object({
    id                 = string
    cidr_block         = string
    public_subnet_ids  = list(string)
    private_subnet_ids = list(string)
  })
  description = "The aws-vpc artifact."
}

variable "role" {
  type = object({
    arn = string
  })
  description = "The aws-iam-role artifact."
}

variable "database" {
  type = object({
    host     = string
    port     = number
    database = string
    username = string
  })
  default     = null
  description = "An optional postgres-connection artifact (its password is not used)."
}

locals {
  database_environment = var.database == null ? [] : [
    { name = "PGHOST", value = var.database.host },
    { name = "PGPORT", value = tostring(var.database.port) },
    { name = "PGDATABASE", value = var.database.database },
    { name = "PGUSER", value = var.database.username },
  ]
}

resource "aws_ecs_cluster" "this" {
  name = var.name
}

resource "aws_cloudwatch_log_group" "this" {
  name              = "/ecs/${var.name}"
  retention_in_days = 14
}

resource "aws_security_group" "this" {
  name_prefix = "${var.name}-"
  vpc_id      = var.vpc.id
  ingress {
    description = "Container port from inside the VPC"
    from_port   = var.container_port
    to_port     = var.container_port
    protocol    = "tcp"
    cidr_blocks = [var.vpc.cidr_block]
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_ecs_task_definition" "this" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = tostring(var.cpu)
  memory                   = tostring(var.memory_mb)
  execution_role_arn       = var.role.arn
  task_role_arn            = var.role.arn
  container_definitions = jsonencode([{
    name         = var.name
    image        = var.image
    essential    = true
    portMappings = [{ containerPort = var.container_port, protocol = "tcp" }]
    environment  = local.database_environment
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.this.name
        awslogs-region        = split(":", aws_cloudwatch_log_group.this.arn)[3]
        awslogs-stream-prefix = var.name
      }
    }
  }])
}

resource "aws_ecs_service" "this" {
  name            = var.name
  cluster         = aws_ecs_cluster.this.id
  task_definition = aws_ecs_task_definition.this.arn
  desired_count   = var.desired_count
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = var.assign_public_ip ? var.vpc.public_subnet_ids : var.vpc.private_subnet_ids
    security_groups  = [aws_security_group.this.id]
    assign_public_ip = var.assign_public_ip
  }
}

output "service" {
  description = "The service's name, cluster and security group."
  value = {
    name              = aws_ecs_service.this.name
    cluster_arn       = aws_ecs_cluster.this.arn
    security_group_id = aws_security_group.this.id
  }
}
