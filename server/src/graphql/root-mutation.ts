import { createRunFiles, deleteFiles, markRunFilesUploaded } from './mutations/run-files.js'
import { deleteRun, stopRun, updateRunState } from './mutations/run-state.js'
import { upsertBucket } from './mutations/upsert-bucket.js'
import { upsertModel } from './mutations/upsert-model.js'
import { upsertSweep } from './mutations/upsert-sweep.js'

/** Root `Mutation` resolvers. */
export const rootMutation = {
  upsertBucket,
  upsertModel,
  upsertSweep,
  updateRunState,
  stopRun,
  deleteRun,
  createRunFiles,
  deleteFiles,
  markRunFilesUploaded,
}
