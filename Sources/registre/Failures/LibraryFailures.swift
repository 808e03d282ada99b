import RegistreCore
import RegistreDocuments
import RegistreService
import RegistreStore
import RegistreXML

// How each error of the library ends a command. The library says what happened, in French and English;
// which exit status that is belongs to the command line alone.

extension StoreError: CommandFailure {
    var exitStatus: ExitStatus {
        switch self {
        case .busy: .busy
        case .idInUse, .stillReferenced, .timeGoesBackwards: .refusedChange
        case .noDatabase, .cannotOpen, .corrupt, .unknownEntry, .missingReference, .notARegister, .newerSchema,
             .cannotRead, .cannotWrite:
            .unreadableInput
        }
    }

    func message(in language: Language) -> String { message[language] }
}

extension AccountError: CommandFailure {
    var exitStatus: ExitStatus {
        switch self {
        case .exists, .moved: .refusedChange
        case .unknown, .invalidLogin: .unreadableInput
        }
    }

    func message(in language: Language) -> String { message[language] }
}

/// A register file that cannot be read: one located line per problem.
extension RegisterReadError: CommandFailure {
    var exitStatus: ExitStatus { .unreadableInput }
    func message(in language: Language) -> String { description(in: language) }
}

extension OpenDocumentError: CommandFailure {
    var exitStatus: ExitStatus { .unreadableInput }
    func message(in language: Language) -> String { message[language] }
}

/// A count the register format refuses, as the XML reader would.
extension Count.Refusal: CommandFailure {
    var exitStatus: ExitStatus { .unreadableInput }
    func message(in language: Language) -> String { message[language] }
}

extension CampaignReview.Refusal: CommandFailure {
    var exitStatus: ExitStatus { .refusedChange }
    func message(in language: Language) -> String { message[language] }
}

extension ModelApplication.Refusal: CommandFailure {
    var exitStatus: ExitStatus { .refusedChange }
    func message(in language: Language) -> String { message[language] }
}

/// What `--id` refuses when an act opens an entry: an id that is none, an id already used.
enum IDOptionWords {
    static func malformed(_ id: String) -> LocalizedText {
        LocalizedText(
            fr: "--id « \(id) » : un identifiant est attendu (lettres, chiffres, « . », « _ », « - »)",
            en: "--id '\(id)': expected an id (letters, digits, '.', '_', '-')")
    }

    static func inUse(_ id: String) -> LocalizedText {
        LocalizedText(
            fr: "--id « \(id) » : déjà utilisé dans le registre ; un identifiant nouveau est attendu",
            en: "--id '\(id)': already used in the register; expected a new id")
    }
}

/// A breach act refused: a value that cannot be one (a malformed id, an impossible timeline, an unknown
/// controller) is a refused value (2); an id already used contradicts the register (3).
extension BreachRefusal: CommandFailure {
    var exitStatus: ExitStatus {
        switch self {
        case .noOrganisation, .unknownController, .malformedID, .impossibleTimeline: .unreadableInput
        case .idInUse, .notAllowed: .refusedChange
        }
    }

    func message(in language: Language) -> String {
        switch self {
        case .noOrganisation: LocalizedText(fr: "--controller : \(message.fr)", en: "--controller: \(message.en)")[language]
        case .malformedID(let id): IDOptionWords.malformed(id)[language]
        case .idInUse(let id): IDOptionWords.inUse(id)[language]
        default: message[language]
        }
    }
}

/// A request act refused: a value that cannot be one (a malformed id, impossible days) is a refused value
/// (2); an id already used contradicts the register (3).
extension RequestRefusal: CommandFailure {
    var exitStatus: ExitStatus {
        switch self {
        case .unknownController, .malformedID, .impossibleTimeline: .unreadableInput
        case .idInUse, .notAllowed, .changedSince: .refusedChange
        }
    }

    func message(in language: Language) -> String {
        switch self {
        case .malformedID(let id): IDOptionWords.malformed(id)[language]
        case .idInUse(let id): IDOptionWords.inUse(id)[language]
        default: message[language]
        }
    }
}

/// An audit request refused: a start the agreement's terms refuse is a request its own terms refuse (1);
/// a requester or an id that cannot be used is a change the register refuses (3).
extension AuditActs.Refused: CommandFailure {
    var exitStatus: ExitStatus {
        switch reason {
        case .tooEarly, .obstacle: .findingsWithErrors
        case .notAController, .unusableID: .refusedChange
        }
    }

    func message(in language: Language) -> String { message[language] }
}

/// Audit dates that cannot have happened are a refused value, as a breach's impossible timeline is.
extension AuditActs.ImpossibleTimeline: CommandFailure {
    var exitStatus: ExitStatus { .unreadableInput }
    func message(in language: Language) -> String { message[language] }
}

extension ChangeNoticeActs.NotAMember: CommandFailure {
    var exitStatus: ExitStatus { .refusedChange }
    func message(in language: Language) -> String { message[language] }
}

extension DataProcessingAgreement.MemberAnswerRefusal: CommandFailure {
    var exitStatus: ExitStatus { .refusedChange }
    func message(in language: Language) -> String { LocalizedText(fr: "--member : \(message.fr)", en: "--member: \(message.en)")[language] }
}

extension ModelActs.NotAFollower: CommandFailure {
    var exitStatus: ExitStatus { .refusedChange }
    func message(in language: Language) -> String { message[language] }
}

extension AccessRefusal: CommandFailure {
    var exitStatus: ExitStatus { .refusedChange }
    func message(in language: Language) -> String { message[language] }
}

extension ProcessorBreachFanOut.Refusal: CommandFailure {
    var exitStatus: ExitStatus { .refusedChange }
    func message(in language: Language) -> String { message[language] }
}

/// A result that cannot be written: one line naming the file and the reason, none for a reader that went
/// away (`registre export | head -c1`), since it asked for no more.
extension OutputFile.Failure: CommandFailure {
    var exitStatus: ExitStatus { .unreadableInput }

    func message(in language: Language) -> String {
        guard !isClosedPipe else { return "" }
        return LocalizedText(fr: "\(path) : écriture impossible : \(reason.fr)", en: "\(path): cannot write: \(reason.en)")[language]
    }
}

/// libxml2's writer failed (memory ran out): the result cannot be written.
extension XMLWriteError: CommandFailure {
    var exitStatus: ExitStatus { .unreadableInput }
    func message(in language: Language) -> String { message[language] }
}

/// A backup or a restore refused: a copy that does not pass `verify` is a finding (1), nothing replaced.
extension RegisterBackups.Refusal: CommandFailure {
    var exitStatus: ExitStatus {
        switch self {
        case .tampered: .findingsWithErrors
        case .exists: .refusedChange
        }
    }

    func message(in language: Language) -> String {
        switch self {
        case .tampered(let path, let first, let count):
            LocalizedText(
                fr: "\(path) : copie refusée, altérée — \(first.fr)\(count > 1 ? " (et \(count - 1) autre(s) écart(s))" : "") ; rien n'a été remplacé",
                en: "\(path): copy refused, tampered with — \(first.en)\(count > 1 ? " (and \(count - 1) other problem(s))" : ""); nothing was replaced")[language]
        case .exists(let path):
            LocalizedText(fr: "\(path) : une copie de ce nom existe déjà", en: "\(path): a copy of that name exists already")[language]
        }
    }
}
