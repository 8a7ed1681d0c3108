import ArenaCore
import ArenaTestSupport
import Foundation

/// Scripted responses in each provider's own wire format, for the failure matrix.
enum WireScripts {
    static func stream(_ kind: ProviderKind, _ pieces: [String], terminal: Bool = true, delay: Duration = .zero) -> ScriptedResponse {
        switch kind {
        case .openai:
            var payloads = pieces.map { #"{"choices":[{"index":0,"delta":{"content":\#(json($0))},"finish_reason":null}]}"# }
            if terminal { payloads.append(#"{"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}"#) }
            return .sse(payloads, delay: delay, done: terminal)
        case .anthropic:
            var events = [("message_start", #"{"type":"message_start","message":{"id":"m1","type":"message","role":"assistant","content":[],"model":"x","stop_reason":null,"usage":{"input_tokens":5,"output_tokens":1}}}"#),
                          ("content_block_start", #"{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"#)]
            events += pieces.map { ("content_block_delta", #"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":\#(json($0))}}"#) }
            if terminal {
                events += [("content_block_stop", #"{"type":"content_block_stop","index":0}"#),
                           ("message_delta", #"{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":7}}"#),
                           ("message_stop", #"{"type":"message_stop"}"#)]
            }
            return framed(events.map { "event: \($0.0)\ndata: \($0.1)\n\n" }, contentType: "text/event-stream", delay: delay)
        case .gemini:
            var lines = pieces.map { #"data: {"candidates":[{"content":{"parts":[{"text":\#(json($0))}],"role":"model"},"index":0}]}"# + "\r\n\r\n" }
            if terminal {
                lines.append(#"data: {"candidates":[{"content":{"parts":[{"text":""}],"role":"model"},"finishReason":"STOP","index":0}],"usageMetadata":{"promptTokenCount":5,"candidatesTokenCount":7,"totalTokenCount":12}}"# + "\r\n\r\n")
            }
            return framed(lines, contentType: "text/event-stream", delay: delay)
        case .ollama:
            var lines = pieces.map { #"{"model":"m","message":{"role":"assistant","content":\#(json($0))},"done":false}"# + "\n" }
            if terminal {
                lines.append(#"{"model":"m","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop","prompt_eval_count":5,"eval_count":7}"# + "\n")
            }
            return framed(lines, contentType: "application/x-ndjson", delay: delay)
        }
    }

    /// Text first, then the format's way of reporting an error inside a 200 stream.
    static func midStreamError(_ kind: ProviderKind, after text: String) -> ScriptedResponse {
        var response = stream(kind, [text], terminal: false)
        let error: String
        switch kind {
        case .openai: error = "data: " + #"{"error":{"message":"upstream failed mid-answer","type":"server_error"}}"# + "\n\n"
        case .anthropic: error = "event: error\ndata: " + #"{"type":"error","error":{"type":"api_error","message":"upstream failed mid-answer"}}"# + "\n\n"
        case .gemini: error = #"{"error":{"code":500,"message":"upstream failed mid-answer","status":"INTERNAL"}}"# + "\n"
        case .ollama: error = #"{"error":"upstream failed mid-answer"}"# + "\n"
        }
        response.parts.append(.bytes(Array(error.utf8)))
        return response
    }

    static func malformed(_ kind: ProviderKind, after text: String) -> ScriptedResponse {
        var response = stream(kind, [text], terminal: false)
        let junk: String
        switch kind {
        case .openai: junk = "data: {\"choices\": [ this is not json\n\n"
        case .anthropic: junk = "event: content_block_delta\ndata: {not json\n\n"
        case .gemini: junk = "data: {\"candidates\": nope}\r\n\r\n"
        case .ollama: junk = "{\"message\": nope\n"
        }
        response.parts.append(.bytes(Array(junk.utf8)))
        return response
    }

    /// An error answer in the provider's own error shape.
    static func error(_ kind: ProviderKind, status: Int, type: String, message: String,
                      headers: [(String, String)] = [], extra: String = "") -> ScriptedResponse {
        let body: String
        switch kind {
        case .openai: body = #"{"error":{"message":\#(json(message)),"type":"\#(type)","code":"\#(type)"}}"#
        case .anthropic: body = #"{"type":"error","error":{"type":"\#(type)","message":\#(json(message))}}"#
        case .gemini: body = #"{"error":{"code":\#(status),"message":\#(json(message)),"status":"\#(type)"\#(extra)}}"#
        case .ollama: body = #"{"error":\#(json(message))}"#
        }
        return .json(status, body, headers: headers)
    }

    static func framed(_ chunks: [String], contentType: String, delay: Duration) -> ScriptedResponse {
        var parts: [ScriptedResponse.Part] = []
        for chunk in chunks {
            if delay > .zero { parts.append(.pause(delay)) }
            parts.append(.bytes(Array(chunk.utf8)))
        }
        return ScriptedResponse(headers: [("Content-Type", contentType)], parts: parts)
    }

    static func json(_ text: String) -> String {
        let data = try? JSONSerialization.data(withJSONObject: [text])
        return String(String(decoding: data ?? Data(), as: UTF8.self).dropFirst().dropLast())
    }
}
