import type { ExampleQuery } from '../../core/api/areas/query';

/** Starting points for the query console; each runs as is on the documented views. */
export const EXAMPLE_QUERIES: ExampleQuery[] = [
  {
    title: 'Every RDS instance class by environment',
    description: 'What each database really runs as, from the latest state of every environment.',
    sql: `SELECT project, environment, node, address, json_extract(attributes, '$.instance_class') AS instance_class
FROM resources
WHERE type = 'aws_db_instance'
ORDER BY project, environment, node`,
  },
  {
    title: 'Runs that failed this week',
    description: 'Failed runs of the last seven days, newest first.',
    sql: `SELECT started_at, project, environment, kind, exit_code, run_id
FROM runs
WHERE status = 'failed' AND julianday(started_at) >= julianday('now', '-7 days')
ORDER BY started_at DESC`,
  },
  {
    title: 'Resources per node',
    description: 'How many resources each node manages in each environment.',
    sql: `SELECT project, environment, node, bundle, count(*) AS resources
FROM resources
GROUP BY project, environment, node
ORDER BY resources DESC`,
  },
  {
    title: 'Which nodes in which environments use instance class X',
    description: 'The effective instance_class param (override or default) per node and environment; change the value to yours.',
    sql: `SELECT project, environment, node, bundle, value AS instance_class, overridden
FROM params
WHERE param = 'instance_class' AND value = 'db.t3.micro'
ORDER BY project, node, environment`,
  },
];
