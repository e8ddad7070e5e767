/** A JSON Schema document, as ajv reads it. */
export type JsonSchema = { [keyword: string]: unknown };

/** A request method: the JSON Schema of its payload, and (as phantom types) its request and response. */
export interface MethodSpec<Request, Response> {
  request: JsonSchema;
  summary: string;
  /** Never set at run time: carries the types for inference. */
  readonly types?: { request: Request; response: Response };
}

/** An event the host pushes: its payload type, carried as a phantom type. */
export interface EventSpec<Payload> {
  summary: string;
  readonly types?: { payload: Payload };
}

/** Declares a method whose payload the host validates against `request`. */
export function method<Request, Response>(summary: string, request: JsonSchema): MethodSpec<Request, Response> {
  return { summary, request };
}

/** Declares an event. */
export function event<Payload>(summary: string): EventSpec<Payload> {
  return { summary };
}

/** The schema of a request that takes no fields. */
export const emptyRequest: JsonSchema = { type: 'object', properties: {}, additionalProperties: false };
