import Foundation
import HummingbirdTesting
import PostLint
@testable import PostLintServer
import Testing

/// `/v1/check`, `/v1/rules`, `/healthz` and the errors every route shares, in process.
@Suite struct V1APITests {
    @Test func healthzAnswersOK() async throws {
        try await ServerHarness.test { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .ok)
            #expect(response.object["status"] as? String == "ok")
        }
    }

    @Test func checkFindsAPhraseAtItsByteOffset() async throws {
        try await ServerHarness.test { client in
            let response = try await client.execute(uri: "/v1/check", method: .post, headers: ServerHarness.jsonType,
                                                    body: ServerHarness.json(["text": "Hi 🌟 Good vibes only!"]))
            #expect(response.status == .ok)
            let findings = try #require(response.object["findings"] as? [[String: Any]])
            #expect(findings.map { $0["rule"] as? String } == ["toxic-positivity/good-vibes-only"])
            let location = try #require(findings.first?["location"] as? [String: Any])
            #expect(location["offset"] as? Int == 8)  // "Hi " (3) + the star (4) + " " (1)
            #expect(location["length"] as? Int == 15)
            #expect(location["column"] as? Int == 6)
            #expect((response.object["summary"] as? [String: Any])?["warnings"] as? Int == 1)
        }
    }

    @Test func markdownFormatSkipsCodeAndRegionIsValidated() async throws {
        try await ServerHarness.test { client in
            let code = try await client.execute(uri: "/v1/check", method: .post, headers: ServerHarness.jsonType,
                                                body: ServerHarness.json(["text": "`good vibes only`\n", "format": "markdown"]))
            #expect((code.object["findings"] as? [Any])?.isEmpty == true)
            let plain = try await client.execute(uri: "/v1/check", method: .post, headers: ServerHarness.jsonType,
                                                 body: ServerHarness.json(["text": "`good vibes only`\n", "format": "text"]))
            #expect((plain.object["findings"] as? [Any])?.count == 1)
            let region = try await client.execute(uri: "/v1/check", method: .post, headers: ServerHarness.jsonType,
                                                  body: ServerHarness.json(["text": "x", "region": "XX"]))
            #expect(region.status == .badRequest)
            #expect(region.errorMessage?.contains("unknown region 'XX'; known regions:") == true)
            let format = try await client.execute(uri: "/v1/check", method: .post, headers: ServerHarness.jsonType,
                                                  body: ServerHarness.json(["text": "x", "format": "csv"]))
            #expect(format.status == .badRequest)
            #expect(format.errorMessage == "field 'format' must be one of text, markdown, got 'csv'")
        }
    }

    @Test func configurationSwitchesRulesAndRefusesRuleFolders() async throws {
        try await ServerHarness.test { client in
            let off = try await client.execute(uri: "/v1/check", method: .post, headers: ServerHarness.jsonType, body: ServerHarness.json([
                "text": "Good vibes only!", "config": "version: 1\nrules:\n  toxic-positivity/good-vibes-only: off\n"]))
            #expect(off.status == .ok)
            #expect((off.object["findings"] as? [Any])?.isEmpty == true)
            let raised = try await client.execute(uri: "/v1/check", method: .post, headers: ServerHarness.jsonType, body: ServerHarness.json([
                "text": "Good vibes only!", "config": "version: 1\nrules:\n  toxic-positivity: error\n"]))
            #expect(((raised.object["findings"] as? [[String: Any]])?.first?["severity"] as? String) == "error")
            let folders = try await client.execute(uri: "/v1/check", method: .post, headers: ServerHarness.jsonType, body: ServerHarness.json([
                "text": "x", "config": "version: 1\nrule-folders: [/etc]\n"]))
            #expect(folders.status == .badRequest)
            #expect(folders.errorMessage?.contains("'rule-folders' is not accepted by the server") == true)
            let broken = try await client.execute(uri: "/v1/check", method: .post, headers: ServerHarness.jsonType, body: ServerHarness.json([
                "text": "x", "config": "version: 1\nfail-on: warnin\n"]))
            #expect(broken.status == .badRequest)
            #expect(broken.errorMessage?.contains(".postlint.yml:2") == true)
            #expect(broken.errorMessage?.contains("did you mean 'warning'?") == true)
        }
    }

    @Test func badJSONNamesWhatIsWrong() async throws {
        let cases: [(String, String)] = [
            ("{\"text\": ", "the body is not valid JSON"),
            ("[1, 2]", "the body must be a JSON object"),
            ("{}", "missing field 'text'"),
            ("{\"text\": 3}", "field 'text' must be a string"),
            ("{\"txt\": \"a\", \"text\": \"b\"}", "unknown field 'txt'; expected text, format, region, config, path; did you mean 'text'?"),
        ]
        try await ServerHarness.test { client in
            for (body, message) in cases {
                let response = try await client.execute(uri: "/v1/check", method: .post, headers: ServerHarness.jsonType, body: ServerHarness.json(body))
                #expect(response.status == .badRequest, "\(body)")
                #expect(response.errorMessage?.hasPrefix(message) == true, "\(body): \(response.text)")
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            }
        }
    }

    @Test func wrongContentTypeIs415() async throws {
        try await ServerHarness.test { client in
            let response = try await client.execute(uri: "/v1/check", method: .post, headers: [.contentType: "text/plain"],
                                                    body: ServerHarness.json("{\"text\": \"a\"}"))
            #expect(response.status == .unsupportedMediaType)
            #expect(response.errorMessage == "expected Content-Type application/json, got 'text/plain'")
            let none = try await client.execute(uri: "/v1/check", method: .post, body: ServerHarness.json("{\"text\": \"a\"}"))
            #expect(none.status == .unsupportedMediaType)
            let charset = try await client.execute(uri: "/v1/check", method: .post, headers: [.contentType: "application/json; charset=utf-8"],
                                                   body: ServerHarness.json("{\"text\": \"a\"}"))
            #expect(charset.status == .ok)
        }
    }

    @Test func oversizeBodyIs413() async throws {
        var settings = ServerSettings()
        settings.maxBodyBytes = 100
        let server = try HTTPServer(settings: settings)
        try await ServerHarness.test(server) { client in
            let big = ServerHarness.json(["text": String(repeating: "a", count: 200)])
            let response = try await client.execute(uri: "/v1/check", method: .post, headers: ServerHarness.jsonType, body: big)
            #expect(response.status == .contentTooLarge)
            #expect(response.errorMessage == "request body is larger than the limit of 100 bytes (--max-body)")
            let small = try await client.execute(uri: "/v1/check", method: .post, headers: ServerHarness.jsonType, body: ServerHarness.json(["text": "ok"]))
            #expect(small.status == .ok)
        }
    }

    @Test func unknownRouteIs404WithAJSONBody() async throws {
        try await ServerHarness.test { client in
            let response = try await client.execute(uri: "/v1/nope", method: .get)
            #expect(response.status == .notFound)
            #expect(response.errorMessage?.hasPrefix("no route GET /v1/nope") == true)
            let method = try await client.execute(uri: "/v1/check", method: .get)
            #expect(method.status == .notFound)
        }
    }

    @Test func slowRequestGets503() async throws {
        var settings = ServerSettings()
        settings.timeLimit = .milliseconds(1)
        settings.maxBodyBytes = 10_000_000
        let server = try HTTPServer(settings: settings)
        let text = String(repeating: "Good vibes only! Everything happens for a reason, so stay positive. ", count: 40_000)
        try await ServerHarness.test(server) { client in
            let response = try await client.execute(uri: "/v1/check", method: .post, headers: ServerHarness.jsonType, body: ServerHarness.json(["text": text]))
            #expect(response.status == .serviceUnavailable)
            #expect(response.errorMessage?.contains("longer than the server's limit") == true)
        }
    }

    @Test func rulesListsEveryRuleWithExplanationAndTheRegions() async throws {
        let response = try await ServerHarness.test { client in try await client.execute(uri: "/v1/rules", method: .get) }
        let rules = try #require(response.object["rules"] as? [[String: Any]])
        let builtin = try Linter(configuration: LinterConfiguration()).rules
        #expect(rules.map { $0["id"] as? String } == builtin.map(\.id))
        let vibes = try #require(rules.first { $0["id"] as? String == "toxic-positivity/good-vibes-only" })
        #expect((vibes["explanation"] as? String)?.contains("Toxic positivity") == true)
        #expect((vibes["sources"] as? [String])?.first == "https://thepsychologygroup.com/toxic-positivity/")
        #expect(response.object["regions"] as? [String] == RuleFile.builtinRegions.filter { $0 != "INTL" })
        let categories = (response.object["categories"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(categories == Array(Set(builtin.map(\.category))).sorted())
    }

    @Test func pageIsSelfContainedAndAccessible() async throws {
        try await ServerHarness.test { client in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            let html = response.text
            #expect(!html.contains("<script src") && !html.contains("<link") && !html.contains("@import") && !html.contains("url("))
            #expect(html.contains(#"<label id="draft-label" class="draft-label" for="draft">"#))
            #expect(html.contains(#"aria-live="polite""#))
            #expect(html.contains(#"<option value="GB">GB</option>"#))
            #expect(html.contains(#"name="viewport""#))
        }
    }

    @Test func corsOnlyForAllowedOrigins() async throws {
        try await ServerHarness.test { client in
            let response = try await client.execute(uri: "/healthz", method: .get, headers: [.origin: "https://example.org"])
            #expect(response.headers[.accessControlAllowOrigin] == nil)
        }
        var settings = ServerSettings()
        settings.allowedOrigins = ["https://example.org"]
        try await ServerHarness.test(try HTTPServer(settings: settings)) { client in
            let allowed = try await client.execute(uri: "/healthz", method: .get, headers: [.origin: "https://example.org"])
            #expect(allowed.headers[.accessControlAllowOrigin] == "https://example.org")
            let other = try await client.execute(uri: "/healthz", method: .get, headers: [.origin: "https://evil.example"])
            #expect(other.headers[.accessControlAllowOrigin] == nil)
            let preflight = try await client.execute(uri: "/v1/check", method: .options, headers: [.origin: "https://example.org"])
            #expect(preflight.status == .noContent)
            #expect(preflight.headers[.accessControlAllowMethods] == "GET, POST, OPTIONS")
        }
    }

    @Test func accessLogHasMethodPathStatusAndDurationButNoText() async throws {
        let logs = CollectedLogs()
        let server = try HTTPServer(settings: ServerSettings(), logger: logs.logger())
        try await ServerHarness.test(server) { client in
            _ = try await client.execute(uri: "/v1/check", method: .post, headers: ServerHarness.jsonType, body: ServerHarness.json(["text": "secret vibes only draft"]))
            _ = try await client.execute(uri: "/missing", method: .get)
        }
        let lines = logs.all.filter { $0.hasPrefix("request ") }
        #expect(lines.count == 2)
        #expect(lines.first?.contains("method=POST path=/v1/check status=200") == true)
        #expect(lines.first?.contains("duration_ms=") == true)
        #expect(lines.last?.contains("status=404") == true)
        #expect(!logs.all.contains { $0.contains("secret") })

        let textLogs = CollectedLogs()
        var settings = ServerSettings()
        settings.logText = true
        try await ServerHarness.test(try HTTPServer(settings: settings, logger: textLogs.logger())) { client in
            _ = try await client.execute(uri: "/v1/check", method: .post, headers: ServerHarness.jsonType, body: ServerHarness.json(["text": "secret vibes only draft"]))
        }
        #expect(textLogs.all.contains { $0.contains("text=secret vibes only draft") })
    }

    @Test func versionMatchesTheCLI() throws {
        let result = try CLI.run(["--version"])
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == ServerInfo.version)
    }
}
