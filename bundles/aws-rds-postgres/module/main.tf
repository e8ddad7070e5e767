variable "name" {
  type        = string
  description = "RDS instance identifier."
}

variable "engine_version" {
  type        = string
  default     = "16"
  description = "Major version of PostgreSQL."

  validation {
    condition     = contains(["15", "16", "17"], var.engine_version)
    error_message = "engine_version must be 15, 16 or 17."
  }
}

variable "instance_class" {
  type        = string
  default     = "db.t4g.micro"
  description = "RDS instance class."
}

variable "allocated_storage" {
  type        = number
  default     = 20
  description = "Initial storage in GiB."
}

variable "multi_az" {
  type        = bool
  default     = false
  description = "Synchronous standby in another zone."
}

variable "backup_retention_days" {
  type        = number
  default     = 7
  description = "Days of automated backups."
}

variable "deletion_protection" {
  type        = bool
  default     = false
  description = "Refuse deletion."
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
  identifier                 = var.name
  engine                     = "postgres"
  engine_version             = var.engine_version
  instance_class             = var.instance_class
  allocated_storage          = var.allocated_storage
  max_allocated_storage      = var.allocated_storage * 10
  storage_type               = "gp3"
  storage_encrypted          = true
  db_name                    = replace(var.name, "-", "_")
  username                   = var.username
  password                   = var.password
  multi_az                   = var.multi_az
  backup_retention_period    = var.backup_retention_days
  deletion_protection        = var.deletion_protection
  db_subnet_group_name       = aws_db_subnet_group.this.name
  vpc_security_group_ids     = [aws_security_group.this.id]
  auto_minor_version_upgrade = true
  skip_final_snapshot        = !var.deletion_protection
  final_snapshot_identifier  = var.deletion_protection ? "${var.name}-final" : null
}

output "database" {
  description = "How to reach the database, with its credentials."
  sensitive   = true
  value = {
    host           = aws_db_instance.this.address
    port           = aws_db_instance.this.port
    database       = aws_db_instance.this.db_name
    username       = aws_db_instance.this.username
    password       = var.password
    engine_version = aws_db_instance.this.engine_version_actual
  }
}
