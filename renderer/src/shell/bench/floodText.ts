/** Plan-like coloured terminal output of about `bytes` characters, the same every time (benchmarks). */
export function floodText(bytes: number): string {
  const actions = [
    ['\u001b[32m  +\u001b[0m', 'will be created'],
    ['\u001b[33m  ~\u001b[0m', 'will be updated in-place'],
    ['\u001b[31m  -\u001b[0m', 'will be \u001b[1m\u001b[31mdestroyed\u001b[0m'],
  ] as const;
  const lines: string[] = ['FLOOD-BEGIN'];
  let size = lines[0]!.length + 1;
  for (let index = 0; size < bytes; index++) {
    const [mark, verb] = actions[index % actions.length]!;
    const line =
      index % 4 === 0
        ? `\u001b[1m  # module.node_${index % 97}.aws_instance.item[${index}]\u001b[0m ${verb}`
        : `${mark} tags = { "Name" = "\u001b[36mitem-${index}\u001b[0m" -> "item-${index}-b", "team" = "platform" }`;
    lines.push(line);
    size += line.length + 1;
  }
  lines.push('FLOOD-END');
  return `${lines.join('\n')}\n`;
}
