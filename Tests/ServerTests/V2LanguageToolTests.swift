import Foundation
import HummingbirdTesting
import PostLint
import PostLintServer
import Testing

/// `/v2/check` and `/v2/languages` in LanguageTool's shape: form fields in, `matches` out with
/// offsets in UTF-16 code units.
@Suite struct V2LanguageToolTests {
    @Test func matchOffsetsCountUTF16UnitsAfterAnEmoji() async throws {
        // Two emoji of 4 UTF-8 bytes and 2 UTF-16 units each: the phrase starts at byte 9 but
        // at UTF-16 offset 5.
        let text = "😀😀 Good vibes only!\nSecond line."
        try await ServerHarness.test { client in
            let response = try await client.execute(uri: "/v2/check", method: .post, headers: ServerHarness.formType,
                                                    body: ServerHarness.json("language=en-US&text=\(ServerHarness.formValue(text))"))
            #expect(response.status == .ok)
            let matches = try #require(response.object["matches"] as? [[String: Any]])
            #expect(matches.count == 1)
            let match = try #require(matches.first)
            #expect(match["offset"] as? Int == 5)
            #expect(match["length"] as? Int == 15)
            let utf16 = Array(text.utf16)
            #expect(String(decoding: utf16[5..<20], as: UTF16.self) == "Good vibes only")
            #expect(match["message"] as? String == "'Good vibes only' tells people their hard feelings are not welcome")
            #expect(match["shortMessage"] as? String == "")
            #expect((match["replacements"] as? [[String: Any]])?.compactMap { $0["value"] as? String }
                == ["All vibes are welcome here.", "I'm here for you, in the good and the bad."])
            let context = try #require(match["context"] as? [String: Any])
            let contextText = try #require(context["text"] as? String)
            #expect(contextText == "😀😀 Good vibes only! Second line.")
            let contextUnits = Array(contextText.utf16)
            let offset = try #require(context["offset"] as? Int), length = try #require(context["length"] as? Int)
            #expect(String(decoding: contextUnits[offset..<(offset + length)], as: UTF16.self) == "Good vibes only")
            #expect(match["sentence"] as? String == "😀😀 Good vibes only!")
            let rule = try #require(match["rule"] as? [String: Any])
            #expect(rule["id"] as? String == "toxic-positivity/good-vibes-only")
            #expect(rule["description"] as? String == "'Good vibes only' shuts out hard feelings")
            #expect(rule["issueType"] as? String == "style")
            let category = try #require(rule["category"] as? [String: Any])
            #expect(category["id"] as? String == "TOXIC_POSITIVITY")
            #expect(category["name"] as? String == "Toxic positivity")
            #expect((response.object["software"] as? [String: Any])?["name"] as? String == "postlint")
            #expect((response.object["language"] as? [String: Any])?["code"] as? String == "en-US")
        }
    }

    @Test func annotatedDataCountsMarkupInOffsets() async throws {
        // "<p>" (3 units) is markup read as nothing; "<br/>" is read as a line break.
        let data = #"{"annotation":[{"markup":"<p>"},{"text":"Hi 🙂 "},{"markup":"<b>"},{"text":"good vibes"},{"markup":"</b>"},{"text":" only"},{"markup":"<br/>","interpretAs":"\n"},{"text":"ok"}]}"#
        try await ServerHarness.test { client in
            let response = try await client.execute(uri: "/v2/check", method: .post, headers: ServerHarness.formType,
                                                    body: ServerHarness.json("language=auto&data=\(ServerHarness.formValue(data))"))
            #expect(response.status == .ok, "\(response.text)")
            let match = try #require((response.object["matches"] as? [[String: Any]])?.first)
            // <p> (3) + "Hi " (3) + 🙂 (2) + " " (1) + <b> (3) = 12; "good vibes</b> only" = 10 + 4 + 5.
            #expect(match["offset"] as? Int == 12)
            #expect(match["length"] as? Int == 19)
        }
    }

    @Test func regionComesFromTheLanguageVariant() async throws {
        let text = "I want to end my life."
        try await ServerHarness.test { client in
            func suggestions(_ language: String) async throws -> [String] {
                let response = try await client.execute(uri: "/v2/check", method: .post, headers: ServerHarness.formType,
                                                        body: ServerHarness.json("language=\(language)&text=\(ServerHarness.formValue(text))"))
                return (response.object["matches"] as? [[String: Any]])?.flatMap { match in
                    [match["message"] as? String ?? ""] + ((match["replacements"] as? [[String: Any]])?.compactMap { $0["value"] as? String } ?? [])
                } ?? []
            }
            let british = try await suggestions("en-GB").joined(separator: " ")
            let american = try await suggestions("en-US").joined(separator: " ")
            #expect(british != american)
            #expect(british.contains("116 123") || british.contains("Samaritans"))
        }
    }

    @Test func errorsOfTheFormRoute() async throws {
        try await ServerHarness.test { client in
            let json = try await client.execute(uri: "/v2/check", method: .post, headers: ServerHarness.jsonType, body: ServerHarness.json("{}"))
            #expect(json.status == .unsupportedMediaType)
            let missing = try await client.execute(uri: "/v2/check", method: .post, headers: ServerHarness.formType, body: ServerHarness.json("language=en"))
            #expect(missing.status == .badRequest)
            #expect(missing.errorMessage == "missing form field 'text' or 'data'")
            let badData = try await client.execute(uri: "/v2/check", method: .post, headers: ServerHarness.formType, body: ServerHarness.json("language=en&data=%7B"))
            #expect(badData.status == .badRequest)
            #expect(badData.errorMessage?.hasPrefix("field 'data' must be JSON") == true)
        }
    }

    @Test func languagesListsEnglishForEachRegion() async throws {
        try await ServerHarness.test { client in
            let response = try await client.execute(uri: "/v2/languages", method: .get)
            let languages = try #require((try JSONSerialization.jsonObject(with: Data(response.text.utf8))) as? [[String: String]])
            #expect(languages.first == ["name": "English", "code": "en", "longCode": "en"])
            #expect(languages.contains(["name": "English (GB)", "code": "en", "longCode": "en-GB"]))
        }
    }
}
