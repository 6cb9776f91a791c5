import Foundation
import PostLint

/// The body of `POST /v1/check`: `{"text": "…", "format": "text"|"markdown", "region": "GB",
/// "config": "<YAML of a .postlint.yml>", "path": "posts/a.md"}`; only `text` is required.
/// `path` is a name only (never read): it picks the configuration's per-glob `overrides` and,
/// without `format`, the format, as `check --stdin-filename` does. Unknown fields are errors,
/// as unknown keys are in `.postlint.yml`.
struct CheckRequest: Decodable {
    var text: String
    var format: InputFormat?
    var region: String?
    var config: String?
    var path: String?

    static let fields = ["text", "format", "region", "config", "path"]
    /// The formats a request may name: single documents, not exports.
    static let formats: [InputFormat] = [.text, .markdown]

    enum Keys: String, CodingKey { case text, format, region, config, path }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let all = try decoder.container(keyedBy: AnyKey.self)
        for key in all.allKeys where !Self.fields.contains(key.stringValue) {
            var message = "unknown field '\(key.stringValue)'; expected \(Self.fields.joined(separator: ", "))"
            if let near = Spelling.closest(to: key.stringValue, in: Self.fields) { message += "; did you mean '\(near)'?" }
            throw ServerError(.badRequest, message)
        }
        let container = try decoder.container(keyedBy: Keys.self)
        text = try container.decode(String.self, forKey: .text)
        region = try container.decodeIfPresent(String.self, forKey: .region)
        config = try container.decodeIfPresent(String.self, forKey: .config)
        path = try container.decodeIfPresent(String.self, forKey: .path)
        if let name = try container.decodeIfPresent(String.self, forKey: .format) {
            guard let format = InputFormat(rawValue: name), Self.formats.contains(format) else {
                throw ServerError(.badRequest, "field 'format' must be one of \(Self.formats.map(\.rawValue).joined(separator: ", ")), got '\(name)'")
            }
            self.format = format
        }
    }

    /// Decodes a body, turning the decoder's errors into messages that name the field.
    static func decode(_ body: [UInt8]) throws(ServerError) -> CheckRequest {
        do {
            return try JSONDecoder().decode(CheckRequest.self, from: Data(body))
        } catch let error as ServerError {
            throw error
        } catch DecodingError.keyNotFound(let key, _) {
            throw ServerError(.badRequest, "missing field '\(key.stringValue)'")
        } catch DecodingError.typeMismatch(_, let context) {
            let name = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw name.isEmpty ? ServerError(.badRequest, "the body must be a JSON object")
                : ServerError(.badRequest, "field '\(name)' must be a string")
        } catch DecodingError.valueNotFound(_, let context) {
            throw ServerError(.badRequest, "field '\(context.codingPath.map(\.stringValue).joined(separator: "."))' must be a string, not null")
        } catch DecodingError.dataCorrupted(let context) {
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            throw ServerError(.badRequest, "the body is not valid JSON" + (underlying.map { ": \($0)" } ?? ""))
        } catch {
            throw ServerError(.badRequest, "the body is not valid JSON: \(error)")
        }
    }
}
