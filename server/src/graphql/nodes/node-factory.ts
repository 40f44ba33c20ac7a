import type { GraphqlContext, NodeFactory } from '../context.js'
import { EntityNode } from './entity-node.js'
import { FileNode } from './file-node.js'
import { ProjectNode } from './project-node.js'
import { RunNode } from './run-node.js'
import { SweepNode } from './sweep-node.js'
import { UserNode } from './user-node.js'

/** Binds every node class to one request context. */
export function createNodeFactory(getContext: () => GraphqlContext): NodeFactory {
  return {
    user: (row) => new UserNode(getContext(), row),
    entity: (row) => new EntityNode(getContext(), row),
    project: (row) => new ProjectNode(getContext(), row),
    run: (row, project) => new RunNode(getContext(), row, project),
    sweep: (row, project) => new SweepNode(getContext(), row, project),
    file: (row, run, project) => new FileNode(getContext(), row, run, project),
  }
}
