/**
 * W&B server and Python names users often type, mapped to the Run field wandb-rx filters on
 * (wandb/wandb#945, #6635: the server's names are not the names users see).
 *
 * @internal
 */
export const FIELD_NAME_HINTS: Readonly<Record<string, string>> = Object.freeze({
  summary_metrics: 'summary.<key>',
  summaryMetrics: 'summary.<key>',
  display_name: 'name',
  displayName: 'name',
  created_at: 'createdAt',
  heartbeat_at: 'heartbeatAt',
  updatedAt: 'heartbeatAt',
  username: 'user.username',
  sweep: 'sweepName',
  job_type: 'jobType',
  system_metrics: 'systemMetrics.<key>',
  run_id: 'id',
  description: 'notes',
})
