import ArenaCore
import ArenaUI

extension ScreenModelCheck {
    /// Plays the environment's part: records new turns, answers new battles, follows the verdict.
    mutating func perform(_ effects: [ScreenEffect]) {
        for effect in effects {
            switch effect {
            case .startTurn(let request):
                startTurn(request)
            case .newBattle, .undo:
                awaitingBattle = true
            case .saveVerdict(let submission):
                if submission.turn != turns.count - 1 {
                    report.failures.append("seed \(seed): a verdict for turn \(submission.turn) while turn \(turns.count - 1) is on screen")
                }
            case .saveTurn(let submission):
                if submission.turn != turns.count - 1 || submission.battle.turns.last?.index != submission.turn {
                    report.failures.append("seed \(seed): a turn save for turn \(submission.turn) while turn \(turns.count - 1) is on screen")
                }
                checkStored(submission.battle)
            case .cancelStreams, .quit, .markAdequacy, .showLeaderboard, .loadStore:
                break
            }
        }
    }

    /// The battle handed to the store holds exactly what each seat streamed, seat by seat.
    mutating func checkStored(_ battle: Battle) {
        for (index, turn) in battle.turns.enumerated() where index < turns.count {
            for answer in turn.answers where answer.seatIndex < turns[index].seats.count {
                let record = turns[index].seats[answer.seatIndex]
                if answer.text != record.text || answer.reasoning != record.reasoning {
                    report.failures.append("seed \(seed): the stored answer of seat \(SeatLabels.label(for: answer.seatIndex)) in turn \(index) differs from what it streamed")
                }
            }
        }
    }

    mutating func startTurn(_ request: TurnRequest) {
        // Each seat's history holds only its own earlier answers.
        for seat in names.indices where seat < request.conversations.count {
            let own = turns.map { $0.seats[seat].text }
            let sent = request.conversations[seat].filter { $0.role == .assistant }.map(\.content)
            if own != sent {
                report.failures.append("seed \(seed): seat \(SeatLabels.label(for: seat))'s history carries another seat's answers")
            }
        }
        report.turns += 1
        turns.append(TurnRecord(prompt: request.prompt, seats: Array(repeating: SeatRecord(), count: names.count)))
        var chunks: [[String]] = [], reasoning: [[String]] = []
        for seat in names.indices {
            let answer = text.answer(seatTag: "s\(battleCounter)\(SeatLabels.label(for: seat))\(turns.count)")
            chunks.append(text.chunks(answer))
            let thinks = Int.random(in: 0..<4, using: &random) == 0
            let thought = thinks ? text.reasoning(seatTag: "r\(SeatLabels.label(for: seat))\(turns.count)") : ""
            reasoning.append(thinks ? text.chunks(thought) : [])
        }
        pending = chunks
        pendingReasoning = reasoning
    }
}
