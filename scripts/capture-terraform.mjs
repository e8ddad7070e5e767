#!/usr/bin/env node
// Regenerates test/fixtures/captures/terraform-<version>/<scenario>/ with the terraform on PATH
// (or $TERRAFORM): plan.stdout (`plan -json`), show-plan.stdout (`show -json` of the saved plan),
// apply.stdout (`apply -json` of it) and state.stdout (`state pull`). Needs no provider and no network.
//   node scripts/capture-terraform.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const terraform = process.env.TERRAFORM ?? 'terraform';
const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const version = JSON.parse(execFileSync(terraform, ['version', '-json'], { env: { ...process.env, CHECKPOINT_DISABLE: '1' } })).terraform_version;
const target = join(repo, 'test/fixtures/captures', `terraform-${version}`);

const network = `
variable "name" { type = string }
variable "subnets" { type = number }
resource "terraform_data" "vpc" { input = var.name }
resource "terraform_data" "subnet" {
  count = var.subnets
  input = "\${var.name}-subnet-\${count.index}"
}
output "id" { value = terraform_data.vpc.id }
`;
const worker = `
variable "label" { type = string }
resource "terraform_data" "queue" { input = var.label }
`;
const app = (failing) => `
variable "password" {
  type      = string
  sensitive = true
}
variable "network_id" { type = string }
variable "generation" { type = number }
resource "terraform_data" "server" {
  input            = { network = var.network_id, password = var.password }
  triggers_replace = [var.generation]
}
module "worker" {
  source = "../worker"
  label  = "gen-\${var.generation}"
}
${failing ? `resource "terraform_data" "migrate" {
  depends_on = [terraform_data.server]
  provisioner "local-exec" { command = "echo migrating; exit 1" }
}` : ''}
output "endpoint" { value = "https://\${terraform_data.server.id}.example" }
output "password" {
  value     = var.password
  sensitive = true
}
`;
const root = ({ subnets, generation, name, extra }) => `
variable "db_password" {
  type      = string
  sensitive = true
}
module "network" {
  source   = "./network"
  for_each = toset(["blue"])
  name     = "${name}"
  subnets  = ${subnets}
}
module "app" {
  source     = "./app"
  password   = var.db_password
  network_id = module.network["blue"].id
  generation = ${generation}
}
resource "terraform_data" "root" { input = "root" }
${extra ? 'resource "terraform_data" "extra" { input = "extra" }' : ''}
output "endpoint" { value = module.app.endpoint }
output "password" {
  value     = module.app.password
  sensitive = true
}
`;

function write(dir, files) {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

function tf(dir, args, password, { allowFailure = false } = {}) {
  const result = spawnSync(terraform, args, {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: {
      ...process.env,
      TF_CLI_CONFIG_FILE: join(dir, '..', 'cli.tfrc'),
      CHECKPOINT_DISABLE: '1',
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      TF_VAR_db_password: password,
    },
  });
  if (result.status !== 0 && !(allowFailure && result.status === 1)) {
    throw new Error(`terraform ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

function capture(name, steps) {
  const scratch = mkdtempSync(join(tmpdir(), 'driftless-capture-'));
  const dir = join(scratch, 'root');
  writeFileSync(join(scratch, 'cli.tfrc'), '');
  try {
    const out = join(target, name);
    mkdirSync(out, { recursive: true });
    steps(dir, (file, text) => writeFileSync(join(out, file), text));
    console.log(`captured ${out}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const modules = { 'network/main.tf': network, 'worker/main.tf': worker };

// A second plan over applied state: update, replace (triggers_replace), delete, create, sensitive changes.
capture('modules', (dir, save) => {
  write(dir, { ...modules, 'app/main.tf': app(false), 'main.tf': root({ subnets: 2, generation: 1, name: 'net-a' }) });
  tf(dir, ['init', '-input=false'], 's3cret-v1');
  tf(dir, ['apply', '-auto-approve', '-input=false'], 's3cret-v1');
  write(dir, { 'main.tf': root({ subnets: 1, generation: 2, name: 'net-b', extra: true }) });
  save('plan.stdout', tf(dir, ['plan', '-json', '-out=saved.tfplan'], 's3cret-v2'));
  save('show-plan.stdout', tf(dir, ['show', '-json', 'saved.tfplan'], 's3cret-v2'));
  save('apply.stdout', tf(dir, ['apply', '-json', 'saved.tfplan'], 's3cret-v2'));
  save('state.stdout', tf(dir, ['state', 'pull'], 's3cret-v2'));
});

// A first apply whose local-exec exits 1.
capture('apply-error', (dir, save) => {
  write(dir, { ...modules, 'app/main.tf': app(true), 'main.tf': root({ subnets: 1, generation: 1, name: 'net-a' }) });
  tf(dir, ['init', '-input=false'], 's3cret-v1');
  save('plan.stdout', tf(dir, ['plan', '-json', '-out=saved.tfplan'], 's3cret-v1'));
  save('show-plan.stdout', tf(dir, ['show', '-json', 'saved.tfplan'], 's3cret-v1'));
  save('apply.stdout', tf(dir, ['apply', '-json', 'saved.tfplan'], 's3cret-v1', { allowFailure: true }));
  save('state.stdout', tf(dir, ['state', 'pull'], 's3cret-v1'));
});
