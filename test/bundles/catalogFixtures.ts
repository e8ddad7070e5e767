import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Files of one folder: relative path → content. */
export type Files = Record<string, string>;

/** Writes `files` under `dir`, creating folders. */
export function writeFiles(dir: string, files: Files): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

/** A fresh temporary catalog folder. */
export function tempCatalog(prefix = 'driftless-catalog-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Two small artifact types, enough for connections and artifacts to resolve. */
export const fixtureTypes: Files = {
  'types/aws-vpc.yaml': 'name: aws-vpc\ntitle: AWS VPC\ncolour: "#8c4fff"\nschema:\n  type: object\n  properties:\n    id: { type: string }\n  required: [id]\n',
  'types/postgres-connection.yaml':
    'name: postgres-connection\ntitle: PostgreSQL connection\ncolour: "#336791"\nsensitive: true\nschema:\n  type: object\n  properties:\n    host: { type: string }\n    password: { type: string }\n  required: [host, password]\n',
};

export const validManifest = `name: demo
version: 1.0.0
title: Demo
description: A valid bundle that each bad case breaks in one place.
params:
  type: object
  properties:
    name:
      type: string
      title: Name
      description: The name.
    password:
      type: string
      title: Password
      description: The password.
      writeOnly: true
  required: [name, password]
presets:
  dev:
    title: Development
    values: { name: dev }
connections:
  vpc:
    type: aws-vpc
    title: VPC
    required: true
artifacts:
  db:
    type: postgres-connection
    title: Database
`;

export const validModule = `variable "name" {
  type = string
}

variable "password" {
  type      = string
  sensitive = true
}

variable "vpc" {
  type = object({ id = string })
}

output "db" {
  sensitive = true
  value     = { host = "\${var.name}.\${var.vpc.id}", password = var.password }
}
`;

/** A valid bundle folder's files. */
export const validBundle: Files = { 'bundle.yaml': validManifest, 'module/main.tf': validModule };
