variable "name" {
  type        = string
  description = "RDS instance identifier."
}

variable "engine_version" {
  type        = string
  default     = "16"
  description = "Major version of PostgreSQL."

  validation {
    condition     = contains(["16", "17"], var.engine_version)
    error_message = "engine_version must be 16 or 17 for pgvector HNSW."
  }
}

variable "instance_class" {
  type        = string
  default     = "db.r6g.large"
  description = "Memory-optimized instance class."
}

variable "allocated_storage" {
  type        = number
  default     = 100
  description = "Initial storage in GiB."
}

variable "maintenance_work_mem_mb" {
  type        = number
  default     = 2048
  description = "maintenance_work_mem in MiB."
}

variable "parallel_maintenance_workers" {
  type        = number
  default     = 4
  description = "max_parallel_maintenance_workers."
}

variable "multi_az" {
  type        = bool
  default     = false
  description = "Synchronous standby in another zone."
}

variable "username" {
  type        = string
  default     = "app"
  description = "Master user."
}

variable "password" {
  type        = string
  sensitive   = true
  description = "Master password."
}

variable "vpc" {
  type = object({
    id                 = string
    cidr_block         = string
    private_subnet_ids = list(string)
  })
  description = "The aws-vpc artifact."
}

resource "aws_db_parameter_group" "vector" {
  name_prefix = "${var.name}-"
  family      = "postgres${var.engine_version}"
  description = "pgvector tuning for ${var.name}"

  parameter {
    name  = "maintenance_work_mem"
    value = tostring(var.maintenance_work_mem_mb * 1024)
  }
  parameter {
    name  = "max_parallel_maintenance_workers"
    value = tostring(var.parallel_maintenance_workers)
  }
  parameter {
    name  = "random_page_cost"
    value = "1.1"
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_db_subnet_group" "this" {
  name       = var.name
  subnet_ids = var.vpc.private_subnet_ids
}

resource "aws_security_group" "this" {
  name_prefix = "${var.name}-"
  vpc_id      = var.vpc.id
  ingress {
    description = "PostgreSQL from inside the VPC"
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = [var.vpc.cidr_block]
  }
}

resource "aws_db_instance" "this" {
  identifier             = var.name
  engine                 = "postgres"
  engine_version         = var.engine_version
  instance_class         = var.instance_class
  allocated_storage      = var.allocated_storage
  max_allocated_storage  = var.allocated_storage * 4
  storage_type           = "gp3"
  storage_encrypted      = true
  db_name                = replace(var.name, "-", "_")
  username               = var.username
  password               = var.password
  multi_az               = var.multi_az
  parameter_group_name   = aws_db_parameter_group.vector.name
  db_subnet_group_name   = aws_db_subnet_group.this.name
  vpc_security_group_ids = [aws_security_group.this.id]
  # Vector search is read-heavy and built once: Performance Insights shows slow similarity queries.
  performance_insights_enabled = true
  backup_retention_period      = 7
  skip_final_snapshot          = true
}

output "database" {
  description = "How to reach the database, with its credentials; run CREATE EXTENSION vector once."
  sensitive   = true
  value = {
    host             = aws_db_instance.this.address
    port             = aws_db_instance.this.port
    database         = aws_db_instance.this.db_name
    username         = aws_db_instance.this.username
    password         = var.password
    engine_version   = aws_db_instance.this.engine_version_actual
    vector_extension = "vector"
  }
}
