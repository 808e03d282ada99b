// The register's JSON form: the register of record keeps each entity as a set of named fields, and a
// field's value is the JSON of that property. Keys are the property names; absent optionals are left
// out; enumerations are their XML values, so that the JSON, the XML and the journal speak alike.

extension ProcessingActivity.Status: Codable {}
extension LawfulBasis: Codable {}
extension SpecialCategory: Codable {}
extension SpecialCategoryCondition: Codable {}
extension Recipient.Kind: Codable {}
extension Transfer.Safeguard: Codable {}
extension PeriodLength.Unit: Codable {}
extension SecurityMeasure.Kind: Codable {}
extension ImpactAssessment.Criterion: Codable {}
extension ImpactAssessment.Status: Codable {}

extension CalendarDate: Codable {
    /// Reads a calendar date from the register's JSON form.
    /// - Throws: `DecodingError` when the JSON is not one.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(anyYearISO: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a day of the calendar")
        }
        self = date
    }

    /// Writes a calendar date in the register's JSON form.
    /// - Throws: what the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

extension LegalIdentifier: Codable {
    private enum CodingKeys: String, CodingKey { case scheme, value }

    /// Reads a legal identifier from the register's JSON form.
    /// - Throws: `DecodingError` when the JSON is not one.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let scheme = try container.decode(String.self, forKey: .scheme)
        let value = try container.decode(String.self, forKey: .value)
        do {
            self = try LegalIdentifier(scheme: scheme, value: value)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .value, in: container, debugDescription: error.description)
        }
    }

    /// Writes a legal identifier in the register's JSON form.
    /// - Throws: what the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(scheme, forKey: .scheme)
        try container.encode(value, forKey: .value)
    }
}

extension Transfer: Codable {
    private enum CodingKeys: String, CodingKey {
        case recipient, country, internationalOrganisation, safeguard, documentation, statedSafeguard
    }

    /// Reads a transfer from the register's JSON form.
    /// - Throws: `DecodingError` when the JSON is not one.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let destination: Destination
        if let country = try container.decodeIfPresent(String.self, forKey: .country) {
            destination = .country(country)
        } else {
            destination = .internationalOrganisation(try container.decode(String.self, forKey: .internationalOrganisation))
        }
        self.init(
            recipient: try container.decode(String.self, forKey: .recipient),
            destination: destination,
            safeguard: try container.decodeIfPresent(Safeguard.self, forKey: .safeguard),
            documentation: try container.decodeIfPresent(String.self, forKey: .documentation),
            statedSafeguard: try container.decodeIfPresent(String.self, forKey: .statedSafeguard)
        )
    }

    /// Writes a transfer in the register's JSON form.
    /// - Throws: what the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(recipient, forKey: .recipient)
        switch destination {
        case .country(let code): try container.encode(code, forKey: .country)
        case .internationalOrganisation(let name): try container.encode(name, forKey: .internationalOrganisation)
        }
        try container.encodeIfPresent(safeguard, forKey: .safeguard)
        try container.encodeIfPresent(documentation, forKey: .documentation)
        try container.encodeIfPresent(statedSafeguard, forKey: .statedSafeguard)
    }
}

extension RetentionPeriod: Codable {
    private enum CodingKeys: String, CodingKey { case data, duration, from, criterion, then }

    /// Reads a retention period from the register's JSON form.
    /// - Throws: `DecodingError` when the JSON is not one.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let rule: Rule
        if let length = try container.decodeIfPresent(PeriodLength.self, forKey: .duration) {
            rule = .duration(length, from: try container.decodeIfPresent(String.self, forKey: .from))
        } else {
            rule = .criterion(try container.decode(String.self, forKey: .criterion))
        }
        self.init(
            data: try container.decodeIfPresent(String.self, forKey: .data),
            rule: rule,
            then: try container.decodeIfPresent(String.self, forKey: .then)
        )
    }

    /// Writes a retention period in the register's JSON form.
    /// - Throws: what the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(data, forKey: .data)
        switch rule {
        case .duration(let length, let from):
            try container.encode(length, forKey: .duration)
            try container.encodeIfPresent(from, forKey: .from)
        case .criterion(let criterion):
            try container.encode(criterion, forKey: .criterion)
        }
        try container.encodeIfPresent(then, forKey: .then)
    }
}

extension Count.Precision: Codable {}

/// An exact count is a bare number, as counts were before they could be approximate; the others say
/// their precision. Decoding goes through the initialisers, so a negative count never reads.
extension Count: Codable {
    private enum CodingKeys: String, CodingKey { case precision, value, upperBound }

    /// Reads a count from the register's JSON form.
    /// - Throws: `DecodingError` when the JSON is not one.
    public init(from decoder: any Decoder) throws {
        if let container = try? decoder.singleValueContainer(), let number = try? container.decode(Int.self) {
            do { try self.init(exactly: number) } catch {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
            }
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let precision = try container.decode(Precision.self, forKey: .precision)
        let value = try container.decodeIfPresent(Int.self, forKey: .value)
        do {
            switch (precision, value) {
            case (.unknown, _): self = .unknown
            case (.exact, let value?): try self.init(exactly: value)
            case (.about, let value?): try self.init(about: value)
            case (.range, let value?): try self.init(from: value, to: try container.decode(Int.self, forKey: .upperBound))
            case (_, nil): throw DecodingError.keyNotFound(CodingKeys.value, .init(codingPath: container.codingPath, debugDescription: "a count needs its number"))
            }
        } catch let refusal as Count.Refusal {
            throw DecodingError.dataCorruptedError(forKey: .value, in: container, debugDescription: refusal.description)
        }
    }

    /// Writes a count in the register's JSON form.
    /// - Throws: what the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        if precision == .exact, let value {
            var container = encoder.singleValueContainer()
            try container.encode(value)
            return
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(precision, forKey: .precision)
        try container.encodeIfPresent(value, forKey: .value)
        try container.encodeIfPresent(upperBound, forKey: .upperBound)
    }
}

/// A model is the bare string "model"; an activity that follows one is its link
/// (`{"model": ID, "ownItems": [...]}`).
extension ModelRole: Codable {
    /// Reads a model role from the register's JSON form.
    /// - Throws: `DecodingError` when the JSON is not one.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let word = try? container.decode(String.self) {
            guard word == "model" else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(word)' is not a model role")
            }
            self = .model
        } else {
            self = .follows(try container.decode(ModelLink.self))
        }
    }

    /// Writes a model role in the register's JSON form.
    /// - Throws: what the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .model: try container.encode("model")
        case .follows(let link): try container.encode(link)
        }
    }
}
