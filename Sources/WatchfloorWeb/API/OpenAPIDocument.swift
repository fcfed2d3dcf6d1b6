/// The OpenAPI 3.1 description of `/api/v1`, served at `/api/v1/openapi.yaml`.
///
/// A test requests every path here and validates each response against its schema, so a change
/// to the API that is not made here too fails the tests. Schemas use a small subset of JSON
/// Schema: `type` (a name or a list with `"null"`), `properties`, `required`,
/// `additionalProperties`, `items`, `enum`, `format: date`, `minimum`, `maximum` and `$ref`.
public enum OpenAPIDocument {
    public static let yaml = """
        openapi: 3.1.0
        info:
          title: Watchfloor API
          version: "1"
          description: >-
            Read-only JSON access to a Watchfloor store: warnings with their evidence, coded events,
            indicator series, documents and full-text search. Every key of every object is always present;
            a value that is not known is null. Dates are YYYY-MM-DD. Errors answer with an Error object.
        servers:
          - url: /api/v1
        paths:
          /status:
            get:
              summary: What the store holds
              responses:
                "200": {description: Totals, content: {application/json: {schema: {$ref: "#/components/schemas/Totals"}}}}
          /warnings:
            get:
              summary: Warnings, newest detection first
              parameters:
                - {name: kind, in: query, description: A warning kind; empty means any, schema: {anyOf: [{type: string, enum: [W1, W2, W3, W4, W5]}, {$ref: "#/components/schemas/Blank"}]}}
                - {$ref: "#/components/parameters/province"}
              responses:
                "200": {description: Warnings, content: {application/json: {schema: {$ref: "#/components/schemas/WarningList"}}}}
                "400": {$ref: "#/components/responses/BadRequest"}
          /warnings/{id}:
            get:
              summary: A warning with the series around its onset and its supporting events
              parameters:
                - {name: id, in: path, required: true, schema: {type: integer, minimum: 1}}
              responses:
                "200": {description: The warning, content: {application/json: {schema: {$ref: "#/components/schemas/WarningDetail"}}}}
                "404": {$ref: "#/components/responses/NotFound"}
          /events:
            get:
              summary: Coded events, newest reporting first, filtered as the events table filters them
              parameters:
                - {name: type, in: query, description: An event type (repeatable; empty means any), schema: {anyOf: [{$ref: "#/components/schemas/EventTypeParameter"}, {$ref: "#/components/schemas/Blank"}]}}
                - {$ref: "#/components/parameters/province"}
                - {name: since, in: query, schema: {$ref: "#/components/schemas/DateParameter"}}
                - {name: until, in: query, schema: {$ref: "#/components/schemas/DateParameter"}}
                - {name: source_kind, in: query, schema: {anyOf: [{$ref: "#/components/schemas/SourceKind"}, {$ref: "#/components/schemas/Blank"}]}}
                - {name: language, in: query, description: "ISO 639-1 code of the document's language", schema: {anyOf: [{type: string, pattern: "^[a-z]{2,3}$"}, {$ref: "#/components/schemas/Blank"}]}}
                - {name: status, in: query, schema: {anyOf: [{$ref: "#/components/schemas/ReviewStatus"}, {$ref: "#/components/schemas/Blank"}]}}
                - {name: limit, in: query, schema: {anyOf: [{type: integer, minimum: 1, maximum: 1000}, {$ref: "#/components/schemas/Blank"}]}}
                - {name: offset, in: query, schema: {anyOf: [{type: integer, minimum: 0, maximum: 100000000}, {$ref: "#/components/schemas/Blank"}]}}
              responses:
                "200": {description: A page of events, content: {application/json: {schema: {$ref: "#/components/schemas/EventPage"}}}}
                "400": {$ref: "#/components/responses/BadRequest"}
          /events/{id}:
            get:
              summary: One event, whether or not it counts (a superseded machine event, a rejected review)
              parameters:
                - {name: id, in: path, required: true, schema: {type: integer, minimum: 1}}
              responses:
                "200": {description: The event, content: {application/json: {schema: {$ref: "#/components/schemas/Event"}}}}
                "404": {$ref: "#/components/responses/NotFound"}
          /series:
            get:
              summary: An indicator series with the change points, silences and coverage changes the analysis finds in it
              description: >-
                The same analysis as the warnings and `watchfloor series`, as of the last publication day
                (as_of), with the pack's settings; each change point and silence names the stored warning
                it became, if any. Repeat type to count several types together.
              parameters:
                - {name: type, in: query, required: true, description: An event type; separate up to 12 with commas to count them together, schema: {type: string, pattern: '^\\s*[A-Z0-9_]{1,64}\\s*(,\\s*([A-Z0-9_]{1,64}\\s*)?){0,11}$'}}
                - {$ref: "#/components/parameters/province"}
                - {name: granularity, in: query, schema: {anyOf: [{type: string, enum: [day, week]}, {$ref: "#/components/schemas/Blank"}]}}
                - {name: since, in: query, description: "The window's first day (with until: the days between the two, in either order, at most the last 20 years of them; alone: the year from it)", schema: {$ref: "#/components/schemas/DateParameter"}}
                - {name: until, in: query, description: "The window's last day (alone: the year up to it)", schema: {$ref: "#/components/schemas/DateParameter"}}
              responses:
                "200": {description: The series, content: {application/json: {schema: {$ref: "#/components/schemas/Series"}}}}
                "400": {$ref: "#/components/responses/BadRequest"}
          /documents:
            get:
              summary: Documents in storage order, a page at a time
              parameters:
                - {name: after, in: query, description: The cursor of the last document of the previous page, schema: {anyOf: [{type: integer, minimum: 0, maximum: 9223372036854775807}, {$ref: "#/components/schemas/Blank"}]}}
                - {name: limit, in: query, schema: {anyOf: [{type: integer, minimum: 1, maximum: 500}, {$ref: "#/components/schemas/Blank"}]}}
              responses:
                "200": {description: Documents, content: {application/json: {schema: {$ref: "#/components/schemas/DocumentList"}}}}
                "400": {$ref: "#/components/responses/BadRequest"}
          /documents/{id}:
            get:
              summary: A document with its text, events and near-duplicate cluster
              parameters:
                - {name: id, in: path, required: true, description: The SHA-256 id or a unique prefix of at least 6 digits, schema: {type: string}}
              responses:
                "200": {description: The document, content: {application/json: {schema: {$ref: "#/components/schemas/Document"}}}}
                "404": {$ref: "#/components/responses/NotFound"}
          /search:
            get:
              summary: Full-text search, best first
              parameters:
                - {name: q, in: query, required: true, description: "Words to search for: at most 16 words and 500 characters", schema: {type: string, pattern: '^\\s*\\S+(\\s+\\S+){0,15}\\s*$', maxLength: 500}}
                - {name: source_kind, in: query, schema: {anyOf: [{$ref: "#/components/schemas/SourceKind"}, {$ref: "#/components/schemas/Blank"}]}}
                - {name: language, in: query, schema: {anyOf: [{type: string, pattern: "^[a-z]{2,3}$"}, {$ref: "#/components/schemas/Blank"}]}}
                - {name: since, in: query, schema: {$ref: "#/components/schemas/DateParameter"}}
                - {name: until, in: query, schema: {$ref: "#/components/schemas/DateParameter"}}
                - {name: limit, in: query, schema: {anyOf: [{type: integer, minimum: 1, maximum: 200}, {$ref: "#/components/schemas/Blank"}]}}
              responses:
                "200": {description: Hits, content: {application/json: {schema: {$ref: "#/components/schemas/SearchResults"}}}}
                "400": {$ref: "#/components/responses/BadRequest"}
        components:
          parameters:
            province:
              name: province
              in: query
              description: A province code (KP-01 … KP-14); absent, empty or none for national
              schema:
                anyOf:
                  - {type: string, enum: [KP-01, KP-02, KP-03, KP-04, KP-05, KP-06, KP-07, KP-08, KP-09, KP-10, KP-13, KP-14, none]}
                  - {$ref: "#/components/schemas/Blank"}
          responses:
            BadRequest:
              description: A parameter cannot be used
              content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
            NotFound:
              description: No such record
              content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
          schemas:
            Blank: {type: string, pattern: '^\\s*$', description: "An empty parameter means it is not given (as a form's empty field)"}
            DateParameter: {anyOf: [{type: string, format: date}, {$ref: "#/components/schemas/Blank"}]}
            EventTypeParameter: {type: string, pattern: '^\\s*[A-Z0-9_]{1,64}\\s*(,\\s*([A-Z0-9_]{1,64}\\s*)?)*$'}
            Date: {type: string, format: date}
            NullableDate: {type: [string, "null"], format: date}
            Province: {type: [string, "null"], enum: [KP-01, KP-02, KP-03, KP-04, KP-05, KP-06, KP-07, KP-08, KP-09, KP-10, KP-13, KP-14, null]}
            SourceKind: {type: string, enum: [state_media, insider, wire, government, think_tank, other]}
            ReviewStatus: {type: string, enum: [machine, accepted, rejected, edited]}
            Error:
              type: object
              additionalProperties: false
              required: [error]
              properties:
                error:
                  type: object
                  additionalProperties: false
                  required: [status, message]
                  properties:
                    status: {type: integer, minimum: 400, maximum: 599}
                    message: {type: string}
            Totals:
              type: object
              additionalProperties: false
              required: [documents, events, sources, warnings, reviews, first_day, last_day, search_index_current]
              properties:
                documents: {type: integer, minimum: 0}
                events: {type: integer, minimum: 0}
                sources: {type: integer, minimum: 0}
                warnings: {type: integer, minimum: 0}
                reviews: {type: integer, minimum: 0}
                first_day: {$ref: "#/components/schemas/NullableDate"}
                last_day: {$ref: "#/components/schemas/NullableDate"}
                search_index_current: {type: boolean}
            Warning:
              type: object
              additionalProperties: false
              required: [id, kind, title, province, types, onset, detected_on, score, explanation, events, figures]
              properties:
                id: {type: integer, minimum: 1}
                kind: {type: string, enum: [W1, W2, W3, W4, W5]}
                title: {type: string}
                province: {$ref: "#/components/schemas/Province"}
                types: {type: array, items: {type: string}}
                onset: {$ref: "#/components/schemas/Date"}
                detected_on: {$ref: "#/components/schemas/Date"}
                score: {type: number, minimum: 0, maximum: 1}
                explanation: {type: string}
                events: {type: array, items: {type: integer}}
                figures: {type: object, additionalProperties: {type: number}}
            WarningList:
              type: object
              additionalProperties: false
              required: [warnings]
              properties:
                warnings: {type: array, items: {$ref: "#/components/schemas/Warning"}}
            WarningDetail:
              type: object
              additionalProperties: false
              required: [warning, series, events]
              properties:
                warning: {$ref: "#/components/schemas/Warning"}
                series: {type: array, items: {$ref: "#/components/schemas/Series"}}
                events: {type: array, items: {$ref: "#/components/schemas/Event"}}
            Span:
              type: object
              additionalProperties: false
              required: [start, end]
              properties:
                start: {type: integer, minimum: 0}
                end: {type: integer, minimum: 0}
            Event:
              type: object
              additionalProperties: false
              required: [id, document, external_id, type, province, date, date_precision, sincerity, confidence, evidence, source,
                source_kind, reliability, published, status, reviewer, attributes, cues, rule]
              properties:
                id: {type: integer, minimum: 1}
                document: {type: string}
                external_id: {type: [string, "null"]}
                type: {type: string}
                province: {$ref: "#/components/schemas/Province"}
                date: {$ref: "#/components/schemas/NullableDate"}
                date_precision: {type: [string, "null"], enum: [day, month, year, null]}
                sincerity: {type: [string, "null"], enum: [sincere, coerced, unclear, null]}
                confidence: {type: number, minimum: 0, maximum: 1}
                evidence:
                  type: object
                  additionalProperties: false
                  required: [start, end, text]
                  properties:
                    start: {type: integer, minimum: 0}
                    end: {type: integer, minimum: 0}
                    text: {type: string}
                source: {type: string}
                source_kind: {$ref: "#/components/schemas/SourceKind"}
                reliability: {type: string, enum: [A, B, C, D, E, F]}
                published: {$ref: "#/components/schemas/Date"}
                status: {$ref: "#/components/schemas/ReviewStatus"}
                reviewer: {type: [string, "null"]}
                attributes: {type: object, additionalProperties: {type: string}}
                cues:
                  type: array
                  items:
                    type: object
                    additionalProperties: false
                    required: [role, cue, span]
                    properties:
                      role: {type: string}
                      cue: {type: string}
                      span: {$ref: "#/components/schemas/Span"}
                rule: {type: [string, "null"]}
            EventPage:
              type: object
              additionalProperties: false
              required: [events, count, count_exact, limit, offset, next]
              properties:
                events: {type: array, items: {$ref: "#/components/schemas/Event"}}
                count: {type: integer, minimum: 0}
                count_exact: {type: boolean}
                limit: {type: integer, minimum: 1}
                offset: {type: integer, minimum: 0}
                next: {type: [string, "null"]}
            Series:
              type: object
              additionalProperties: false
              required: [type, types, province, granularity, as_of, first, last, total, points, change_points, silences, coverage]
              properties:
                type: {type: string, description: The first of types}
                types: {type: array, items: {type: string}}
                province: {$ref: "#/components/schemas/Province"}
                granularity: {type: string, enum: [day, week]}
                as_of: {$ref: "#/components/schemas/NullableDate"}
                first: {$ref: "#/components/schemas/NullableDate"}
                last: {$ref: "#/components/schemas/NullableDate"}
                total: {type: number, minimum: 0}
                points:
                  type: array
                  items:
                    type: object
                    additionalProperties: false
                    required: [start, days, value]
                    properties:
                      start: {$ref: "#/components/schemas/Date"}
                      days: {type: integer, minimum: 1, maximum: 7}
                      value: {type: number, minimum: 0}
                change_points:
                  type: array
                  items:
                    type: object
                    additionalProperties: false
                    required: [day, detected_on, direction, probability, rate_before, rate_after, warning]
                    properties:
                      day: {$ref: "#/components/schemas/Date"}
                      detected_on: {$ref: "#/components/schemas/Date"}
                      direction: {type: string, enum: [rise, drop]}
                      probability: {type: number, minimum: 0, maximum: 1}
                      rate_before: {type: number, minimum: 0, description: Stories a day at full coverage before the change}
                      rate_after: {type: number, minimum: 0}
                      warning: {type: [integer, "null"], description: The stored warning the change became}
                silences:
                  type: array
                  items:
                    type: object
                    additionalProperties: false
                    required: [first, last, detected_on, ongoing, expected, warning]
                    properties:
                      first: {$ref: "#/components/schemas/Date"}
                      last: {$ref: "#/components/schemas/Date"}
                      detected_on: {$ref: "#/components/schemas/Date"}
                      ongoing: {type: boolean}
                      expected: {type: number, minimum: 0, description: Stories the recent rate predicted over the run}
                      warning: {type: [integer, "null"]}
                coverage:
                  type: array
                  items:
                    type: object
                    additionalProperties: false
                    required: [day, source, kind]
                    properties:
                      day: {$ref: "#/components/schemas/Date"}
                      source: {type: string}
                      kind: {type: string, enum: [started, went_quiet, resumed, volume_rise, volume_drop]}
            Source:
              type: object
              additionalProperties: false
              required: [name, kind, reliability]
              properties:
                name: {type: string}
                kind: {$ref: "#/components/schemas/SourceKind"}
                reliability: {type: string, enum: [A, B, C, D, E, F]}
            Document:
              type: object
              additionalProperties: false
              required: [id, external_id, url, title, source, published, language, text, cluster, cluster_members, events]
              properties:
                id: {type: string}
                external_id: {type: [string, "null"]}
                url: {type: [string, "null"]}
                title: {type: [string, "null"]}
                source: {$ref: "#/components/schemas/Source"}
                published: {$ref: "#/components/schemas/NullableDate"}
                language: {type: string}
                text: {type: string}
                cluster: {type: string}
                cluster_members: {type: array, items: {type: string}}
                events: {type: array, items: {$ref: "#/components/schemas/Event"}}
            DocumentList:
              type: object
              additionalProperties: false
              required: [documents, next]
              properties:
                documents:
                  type: array
                  items:
                    type: object
                    additionalProperties: false
                    required: [cursor, id, title, source, published, language]
                    properties:
                      cursor: {type: integer, minimum: 1}
                      id: {type: string}
                      title: {type: [string, "null"]}
                      source: {$ref: "#/components/schemas/Source"}
                      published: {$ref: "#/components/schemas/NullableDate"}
                      language: {type: string}
                next: {type: [string, "null"]}
            SearchResults:
              type: object
              additionalProperties: false
              required: [query, hits, index_stale]
              properties:
                query: {type: string}
                index_stale: {type: boolean, description: "The index was left stale by a stopped ingest: hits may be missing (watchfloor reindex)"}
                hits:
                  type: array
                  items:
                    type: object
                    additionalProperties: false
                    required: [document, title, source, published, score, snippet, matches]
                    properties:
                      document: {type: string}
                      title: {type: [string, "null"]}
                      source: {type: string}
                      published: {$ref: "#/components/schemas/NullableDate"}
                      score: {type: number}
                      snippet: {type: string}
                      matches: {type: array, items: {$ref: "#/components/schemas/Span"}}

        """
}
