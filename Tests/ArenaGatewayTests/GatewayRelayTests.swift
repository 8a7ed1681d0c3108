import ArenaCore
import ArenaGateway
import ArenaProviders
import ArenaTestSupport
import Foundation
import Testing

/// The app sees the primary's answer as the primary sent it: bytes, status codes, errors.
@Suite struct GatewayRelayTests {
    @Test(arguments: ["llama/stream", "llama/stream_include_usage", "llama/nonstream", "llama/stream_max_tokens_length"])
    func anAnswerIsRelayedByteForByte(transcript: String) async throws {
        let bytes = try Transcripts.body(transcript)
        let type = try Transcripts.contentType(transcript)
        let gateway = try await GatewayHarness.start { _ in .raw(bytes, contentType: type, chunkSize: 7) }
        let reply = try await gateway.post(GatewayHarness.chat("Name a colour.", stream: type.contains("event-stream")),
                                           headers: [("Authorization", "Bearer sk-client-owned-key-0000000000")])
        #expect(reply.status == 200)
        #expect(reply.body == bytes)
        #expect(reply.header("content-type") == type)
        #expect(reply.header("x-arena-model") == "primary")
        let sent = try #require(gateway.upstream.requests.first)
        #expect(sent.json?["model"] as? String == "primary-id")
        #expect(sent.header("authorization") == nil, "the client's own key is not forwarded")
        #expect((sent.json?["messages"] as? [[String: Any]])?.first?["content"] as? String == "Name a colour.")
        await gateway.stop()
    }

    @Test(arguments: ["litellm/openai_bad_key", "litellm/openai_stream_mock-429", "llama/invalid_json", "litellm/anthropic_unknown_model"])
    func upstreamErrorsReachTheAppAsTheyCame(transcript: String) async throws {
        let bytes = try Transcripts.body(transcript)
        let status = try Transcripts.status(transcript)
        try #require(status >= 400)
        let gateway = try await GatewayHarness.start { request in
            request.json?["stream"] as? Bool == false ? .openAIChat(["fine"]) : .raw(bytes, contentType: "application/json", status: status)
        }
        let reply = try await gateway.post(GatewayHarness.chat("hi"))
        #expect(reply.status == status)
        #expect(reply.body == bytes)
        // … and the gateway carries on.
        let next = try await gateway.post(GatewayHarness.chat("hi", stream: false))
        #expect(next.status == 200)
        #expect(gateway.status.snapshot.upstream_errors == 1)
        #expect(gateway.status.snapshot.requests == 2)
        await gateway.stop()
    }

    @Test func aRefusedPrimaryIsABadGatewayAndTheGatewayCarriesOn() async throws {
        let closed = try ClosedPort()
        var options = GatewayHarness.Options()
        options.primaryBase = URL(string: "http://127.0.0.1:\(closed.port)")!
        let gateway = try await GatewayHarness.start(options) { _ in .openAIChat(["unused"]) }
        for _ in 0..<2 {
            let reply = try await gateway.post(GatewayHarness.chat("hi"))
            #expect(reply.status == 502)
            let error = try #require(reply.json?["error"] as? [String: Any])
            #expect((error["message"] as? String)?.contains("primary") == true)
        }
        #expect(gateway.status.snapshot.upstream_errors == 2)
        await gateway.stop()
    }

    @Test func aStreamCutMidwayEndsWithAnErrorEvent() async throws {
        let head = Array("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Half an ans\"}}]}\n\n".utf8)
        let gateway = try await GatewayHarness.start { _ in
            ScriptedResponse(headers: [("Content-Type", "text/event-stream")], parts: [.bytes(head), .cut])
        }
        let reply = try await gateway.post(GatewayHarness.chat("hi"))
        #expect(reply.status == 200)
        #expect(reply.body.starts(with: head))
        let tail = String(decoding: reply.body.dropFirst(head.count), as: UTF8.self)
        #expect(tail.hasPrefix("data: {\"error\":{"), "\(tail)")
        #expect(tail.contains("cut"))
        #expect(gateway.status.snapshot.upstream_errors == 1)
        await gateway.settle()
        #expect(try gateway.store.runAnswers(suite: "traffic").isEmpty, "a cut answer is no sample")
        await gateway.stop()
    }

    @Test func aStreamThatGoesSilentEndsWithAnErrorEventAfterTheModelsIdleTimeout() async throws {
        let head = Array("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Half an ans\"}}]}\n\n".utf8)
        var options = GatewayHarness.Options()
        options.primaryTimeouts = Timeouts(idle: 0.3)
        let gateway = try await GatewayHarness.start(options) { _ in
            ScriptedResponse(headers: [("Content-Type", "text/event-stream")], parts: [.bytes(head), .stall])
        }
        let reply = try await gateway.post(GatewayHarness.chat("hi"))
        #expect(reply.body.starts(with: head))
        let tail = String(decoding: reply.body.dropFirst(head.count), as: UTF8.self)
        #expect(tail.hasPrefix("data: {\"error\":{"), "\(tail)")
        // The idle watchdog's own words (a read timeout), not the first-token timer's: no clock
        // bound here, since a loaded test run can hold any task back for tens of seconds.
        #expect(tail.contains("stopped sending"), "\(tail)")
        #expect(gateway.status.snapshot.upstream_errors == 1)
        #expect(gateway.status.snapshot.in_flight == 0)
        await gateway.stop()
    }

    @Test func anUpstreamThatNeverAnswersIsAFirstTokenTimeout() async throws {
        var options = GatewayHarness.Options()
        options.primaryTimeouts = Timeouts(firstToken: 0.2)
        let gateway = try await GatewayHarness.start(options) { _ in ScriptedResponse(parts: [.stall], headDelay: .seconds(30)) }
        let reply = try await gateway.post(GatewayHarness.chat("hi"))
        #expect(reply.status == 504 || reply.status == 502, "\(reply.status)")
        let message = ((reply.json?["error"] as? [String: Any])?["message"] as? String) ?? ""
        #expect(message.contains("first-token timeout"), "\(message)")
        #expect(gateway.status.snapshot.in_flight == 0)
        await gateway.stop()
    }

    @Test func theModelListIsThePrimarys() async throws {
        let listing = try Transcripts.body("llama/models")
        let gateway = try await GatewayHarness.start { request in
            request.uri.hasSuffix("/models") ? .raw(listing, contentType: "application/json") : .openAIChat(["x"])
        }
        let reply = try await gateway.send(method: .GET, path: "/v1/models")
        #expect(reply.status == 200)
        #expect(reply.body == listing)
        await gateway.stop()
    }

    @Test func badRequestsAreRefusedWithAnOpenAIError() async throws {
        let gateway = try await GatewayHarness.start { _ in .openAIChat(["x"]) }
        for body in [Array("not json".utf8), Array(#"{"model":"m"}"#.utf8), Array(#"{"messages":[]}"#.utf8)] {
            let reply = try await gateway.send(method: .POST, path: "/v1/chat/completions", body: body)
            #expect(reply.status == 400)
            #expect((reply.json?["error"] as? [String: Any])?["type"] as? String == "invalid_request_error")
        }
        #expect(gateway.upstream.requests.isEmpty)
        #expect(gateway.status.snapshot.rejected == 3)
        await gateway.stop()
    }

    @Test func aClientTokenIsRequiredWhenSet() async throws {
        var options = GatewayHarness.Options()
        options.token = "gw-token-5c1e"
        let gateway = try await GatewayHarness.start(options) { _ in .openAIChat(["ok"]) }
        #expect(try await gateway.post(GatewayHarness.chat("hi")).status == 401)
        #expect(try await gateway.post(GatewayHarness.chat("hi"), headers: [("Authorization", "Bearer gw-token-5c1f")]).status == 401)
        #expect(try await gateway.post(GatewayHarness.chat("hi"), headers: [("Authorization", "Bearer gw-token-5c1")]).status == 401)
        #expect(try await gateway.send(method: .GET, path: "/arena/status").status == 401)
        #expect(try await gateway.post(GatewayHarness.chat("hi"), headers: [("Authorization", "Bearer gw-token-5c1e")]).status == 200)
        #expect(try await gateway.post(GatewayHarness.chat("hi"), headers: [("x-arena-token", "gw-token-5c1e")]).status == 200)
        #expect(gateway.upstream.requests.count == 2)
        #expect(gateway.upstream.requests.allSatisfy { $0.header("authorization") == nil }, "the token never goes upstream")
        await gateway.stop()
    }

    @Test func thePrimarysKeyIsSentAndTheClientsOnlyWhenAskedFor() async throws {
        var options = GatewayHarness.Options()
        options.apiKeyEnv = "PRIMARY_KEY"
        options.environment = ["PRIMARY_KEY": "sk-primary-9f8e7d6c5b4a39281706"]
        let keyed = try await GatewayHarness.start(options) { _ in .openAIChat(["ok"]) }
        _ = try await keyed.post(GatewayHarness.chat("hi"), headers: [("Authorization", "Bearer sk-client-1234567890abcdef")])
        #expect(keyed.upstream.requests.first?.header("authorization") == "Bearer sk-primary-9f8e7d6c5b4a39281706")
        await keyed.stop()

        var forwarding = GatewayHarness.Options()
        forwarding.forwardClientKey = true
        let forwarded = try await GatewayHarness.start(forwarding) { _ in .openAIChat(["ok"]) }
        _ = try await forwarded.post(GatewayHarness.chat("hi"), headers: [("Authorization", "Bearer sk-client-1234567890abcdef")])
        #expect(forwarded.upstream.requests.first?.header("authorization") == "Bearer sk-client-1234567890abcdef")
        await forwarded.stop()
    }

    @Test func anUpstreamErrorQuotingAKeyIsRedactedInTheStatus() async throws {
        let gateway = try await GatewayHarness.start { _ in
            .json(500, #"{"error":{"message":"proxy failed for key sk-proj-4xZ9qL2mN8vB7cT1wE3rY6uI0oP5aS, try later","type":"server_error"}}"#)
        }
        let reply = try await gateway.post(GatewayHarness.chat("hi"))
        #expect(reply.status == 500)
        #expect(reply.text.contains("sk-proj-4xZ9qL2mN8vB7cT1wE3rY6uI0oP5aS"), "the app gets the upstream's own body")
        let status = try await gateway.send(method: .GET, path: "/arena/status")
        #expect(!status.text.contains("4xZ9qL2mN8vB7cT1wE3rY6uI0oP5aS"))
        #expect(status.text.contains("proxy failed for key ["), "\(status.text)")
        await gateway.stop()
    }
}

extension GatewayRelayTests {
    /// A client that gives up while the primary has not even answered its head leaves nothing
    /// in flight: the answer is still read to its end and counted (a small answer fits the
    /// socket's buffer, so the client's going may not even show).
    @Test func aClientGoneBeforeTheHeadLeavesNothingInFlight() async throws {
        let gateway = try await GatewayHarness.start { _ in
            var response = ScriptedResponse.openAIChat(["late"])
            response.headDelay = .milliseconds(800)
            return response
        }
        let request = Task { try await gateway.post(GatewayHarness.chat("hi")) }
        await gateway.upstream.requests(atLeast: 1)
        request.cancel()
        _ = try? await request.value
        await gateway.status.wait { $0.in_flight == 0 && $0.requests == 1 }
        #expect(gateway.status.snapshot.upstream_errors == 0)
        await gateway.stop()
    }
}
