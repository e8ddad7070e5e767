/** One `<option>` per environment (value: its id, text: its name), for the selects that pick an environment. */
export function EnvironmentOptions({ environments }: { environments: readonly { id: string; name: string }[] }) {
  return (
    <>
      {environments.map((environment) => (
        <option key={environment.id} value={environment.id}>
          {environment.name}
        </option>
      ))}
    </>
  );
}
