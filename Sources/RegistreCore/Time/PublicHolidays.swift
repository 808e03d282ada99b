/// The public holidays of a place, which working-day periods skip and which move the end of a period
/// (Regulation 1182/71, Art. 2 and 3(4): "the public holidays of the place where the act is done").
///
/// Each calendar is the one the law of the place sets for everyone; regional and local holidays are
/// included only where the case names the region (a German Land, Alsace-Moselle, an overseas
/// territory, a nation of the United Kingdom). A calendar is named by its ISO 3166-1 or ISO 3166-2 code
/// (``init(code:)``): `FR`, `FR-57`, `DE-BY`, `GB-SCT`.
public enum PublicHolidays: Hashable, Sendable {
    /// Metropolitan France, Code du travail L3133-1.
    case france
    /// Bas-Rhin, Haut-Rhin and Moselle add Good Friday and 26 December (L3134-13).
    case alsaceMoselle
    /// An overseas department or collectivity, which adds the day of the abolition of slavery.
    case overseas(OverseasTerritory)
    /// Germany: the nine nationwide holidays, and those of a Land when it is known.
    case germany(GermanState?)
    /// Belgium, loi du 4 janvier 1974 relative aux jours fériés.
    case belgium
    /// Spain: the national holidays (Real Decreto 2001/1983, art. 45); the regions' and towns' own are not
    /// included.
    case spain
    /// Italy, legge 27 maggio 1949, n. 260, as amended; patron saints' days are not included.
    case italy
    /// The Netherlands, Algemene termijnenwet, art. 3 (the law that extends time limits), with Good Friday.
    case netherlands
    /// Ireland, Organisation of Working Time Act 1997, Schedule 2.
    case ireland
    /// Luxembourg, Code du travail, art. L.232-2.
    case luxembourg
    /// A part of the United Kingdom: its bank holidays (Banking and Financial Dealings Act 1971,
    /// Schedule 1), substitute days included.
    case unitedKingdom(UKNation)
    /// No public holiday known for the place: only Saturdays and Sundays are not working days.
    case weekendsOnly

    /// The overseas departments and collectivities, each with its own day of the abolition of slavery.
    public enum OverseasTerritory: String, CaseIterable, Hashable, Sendable {
        /// Mayotte, Martinique, Guadeloupe, Saint-Martin, Guyane.
        case mayotte, martinique, guadeloupe, saintMartin = "saint-martin", guyane
        /// Saint-Barthélemy, La Réunion.
        case saintBarthelemy = "saint-barthelemy", reunion

        /// (month, day) of the abolition of slavery there.
        var abolitionDay: (month: Int, day: Int) {
            switch self {
            case .mayotte: (4, 27)
            case .martinique: (5, 22)
            case .guadeloupe: (5, 27)
            // Proclaimed on 28 May 1848 in Saint-Martin, a day after Guadeloupe: the 27 May of the 2012
            // decree was moved to 28 May (territorial deliberation of 5 November 2015, commemorated and
            // holiday on 28 May since 2018).
            case .saintMartin: (5, 28)
            case .guyane: (6, 10)
            case .saintBarthelemy: (10, 9)
            case .reunion: (12, 20)
            }
        }

        /// Its ISO 3166-2 code.
        var code: String {
            switch self {
            case .guadeloupe: "FR-971"
            case .martinique: "FR-972"
            case .guyane: "FR-973"
            case .reunion: "FR-974"
            case .mayotte: "FR-976"
            case .saintBarthelemy: "FR-BL"
            case .saintMartin: "FR-MF"
            }
        }
    }

    /// The sixteen Länder, by the second part of their ISO 3166-2 code.
    public enum GermanState: String, CaseIterable, Hashable, Sendable {
        /// Baden-Württemberg, `DE-BW`.
        case badenWurttemberg = "BW"
        /// Bavaria (Bayern), `DE-BY`.
        case bavaria = "BY"
        /// Berlin, `DE-BE`.
        case berlin = "BE"
        /// Brandenburg, `DE-BB`.
        case brandenburg = "BB"
        /// Bremen, `DE-HB`.
        case bremen = "HB"
        /// Hamburg, `DE-HH`.
        case hamburg = "HH"
        /// Hesse (Hessen), `DE-HE`.
        case hesse = "HE"
        /// Mecklenburg-Western Pomerania (Mecklenburg-Vorpommern), `DE-MV`.
        case mecklenburgVorpommern = "MV"
        /// Lower Saxony (Niedersachsen), `DE-NI`.
        case lowerSaxony = "NI"
        /// North Rhine-Westphalia (Nordrhein-Westfalen), `DE-NW`.
        case northRhineWestphalia = "NW"
        /// Rhineland-Palatinate (Rheinland-Pfalz), `DE-RP`.
        case rhinelandPalatinate = "RP"
        /// Saarland, `DE-SL`.
        case saarland = "SL"
        /// Saxony (Sachsen), `DE-SN`.
        case saxony = "SN"
        /// Saxony-Anhalt (Sachsen-Anhalt), `DE-ST`.
        case saxonyAnhalt = "ST"
        /// Schleswig-Holstein, `DE-SH`.
        case schleswigHolstein = "SH"
        /// Thuringia (Thüringen), `DE-TH`.
        case thuringia = "TH"
    }

    /// The parts of the United Kingdom whose bank holidays differ.
    public enum UKNation: String, CaseIterable, Hashable, Sendable {
        /// England and Wales share one calendar (`GB-ENG`, `GB-WLS`, and `GB` alone).
        case englandAndWales = "ENG"
        /// Scotland (`GB-SCT`).
        case scotland = "SCT"
        /// Northern Ireland (`GB-NIR`).
        case northernIreland = "NIR"
    }

    /// The calendar an ISO 3166-1 alpha-2 or ISO 3166-2 code names, or nil for a code registre has no
    /// calendar for. `GB` alone is England and Wales; `DE` alone the nationwide German holidays; `FR-57`,
    /// `FR-67`, `FR-68` are Alsace-Moselle; `FR-971` … `FR-976`, `FR-BL`, `FR-MF` (and `FR-GP`, `FR-MQ`,
    /// `FR-GF`, `FR-RE`, `FR-YT`) the overseas territories. A country code of another country gives
    /// ``weekendsOnly``; `EU` and `EEA` are not countries and give nil.
    public init?(code: String) {
        let parts = code.uppercased().split(separator: "-", maxSplits: 1).map(String.init)
        guard let country = parts.first, country.count == 2, country.allSatisfy({ $0.isASCII && $0.isLetter }),
              !["EU", "EEA", "UK"].contains(country)
        else { return nil }
        let region = parts.count > 1 ? parts[1] : nil
        switch (country, region) {
        case ("FR", nil): self = .france
        case ("FR", "57"?), ("FR", "67"?), ("FR", "68"?): self = .alsaceMoselle
        case ("FR", let region?):
            let aliases = ["GP": "FR-971", "MQ": "FR-972", "GF": "FR-973", "RE": "FR-974", "YT": "FR-976"]
            let code = aliases[region] ?? "FR-\(region)"
            if let territory = OverseasTerritory.allCases.first(where: { $0.code == code }) {
                self = .overseas(territory)
            } else if region.count <= 3, region.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "A" || $0 == "B") }) {
                self = .france  // a metropolitan department (2A, 2B for Corsica)
            } else {
                return nil
            }
        case ("DE", nil): self = .germany(nil)
        case ("DE", let region?):
            guard let state = GermanState(rawValue: region) else { return nil }
            self = .germany(state)
        case ("GB", nil), ("GB", "ENG"?), ("GB", "WLS"?): self = .unitedKingdom(.englandAndWales)
        case ("GB", "SCT"?): self = .unitedKingdom(.scotland)
        case ("GB", "NIR"?): self = .unitedKingdom(.northernIreland)
        case ("BE", nil): self = .belgium
        case ("ES", nil): self = .spain
        case ("IT", nil): self = .italy
        case ("NL", nil): self = .netherlands
        case ("IE", nil): self = .ireland
        case ("LU", nil): self = .luxembourg
        case (_, nil): self = .weekendsOnly
        default: return nil
        }
    }

    /// The code that names this calendar (``init(code:)`` reads it back); nil for ``weekendsOnly``.
    public var code: String? {
        switch self {
        case .france: "FR"
        case .alsaceMoselle: "FR-57"
        case .overseas(let territory): territory.code
        case .germany(let state): state.map { "DE-\($0.rawValue)" } ?? "DE"
        case .belgium: "BE"
        case .spain: "ES"
        case .italy: "IT"
        case .netherlands: "NL"
        case .ireland: "IE"
        case .luxembourg: "LU"
        case .unitedKingdom(let nation): nation == .englandAndWales ? "GB" : "GB-\(nation.rawValue)"
        case .weekendsOnly: nil
        }
    }

    /// Every public holiday of `year`, sorted, without duplicates.
    public func holidays(in year: Int) -> [CalendarDate] {
        let easter = Self.easterSunday(year)
        let days: [CalendarDate] =
            switch self {
            case .france, .alsaceMoselle, .overseas: frenchHolidays(year: year, easter: easter)
            case .germany(let state): Self.germanHolidays(state, year: year, easter: easter)
            case .belgium: Self.belgianHolidays(year: year, easter: easter)
            case .spain: Self.spanishHolidays(year: year, easter: easter)
            case .italy: Self.italianHolidays(year: year, easter: easter)
            case .netherlands: Self.dutchHolidays(year: year, easter: easter)
            case .ireland: Self.irishHolidays(year: year, easter: easter)
            case .luxembourg: Self.luxembourgHolidays(year: year, easter: easter)
            case .unitedKingdom(let nation): Self.ukBankHolidays(nation, year: year, easter: easter)
            case .weekendsOnly: []
            }
        return Array(Set(days)).sorted()
    }

    /// The day `month`/`day` of `year`, a date that exists in every year.
    private static func on(_ month: Int, _ day: Int, _ year: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: day)!
    }

    /// Metropolitan France's eleven holidays (Code du travail, art. L3133-1), with Good Friday and
    /// St Stephen's Day in Alsace-Moselle and the day the abolition of slavery is commemorated overseas.
    private func frenchHolidays(year: Int, easter: CalendarDate) -> [CalendarDate] {
        func on(_ month: Int, _ day: Int) -> CalendarDate { Self.on(month, day, year) }
        var days = [
            on(1, 1), easter.adding(days: 1), on(5, 1), on(5, 8), easter.adding(days: 39), easter.adding(days: 50),
            on(7, 14), on(8, 15), on(11, 1), on(11, 11), on(12, 25),
        ]
        if self == .alsaceMoselle { days += [easter.adding(days: -2), on(12, 26)] }
        if case .overseas(let territory) = self { days.append(on(territory.abolitionDay.month, territory.abolitionDay.day)) }
        return days
    }

    private static func germanHolidays(_ state: GermanState?, year: Int, easter: CalendarDate) -> [CalendarDate] {
        func on(_ month: Int, _ day: Int) -> CalendarDate { Self.on(month, day, year) }
        var days = [
            on(1, 1), easter.adding(days: -2), easter.adding(days: 1), on(5, 1), easter.adding(days: 39),
            easter.adding(days: 50), on(10, 3), on(12, 25), on(12, 26),
        ]
        if year == 2017 { days.append(on(10, 31)) }  // 500th anniversary of the Reformation, nationwide
        if let state { days += germanStateHolidays(state, year: year, easter: easter) }
        return days
    }

    private static func belgianHolidays(year: Int, easter: CalendarDate) -> [CalendarDate] {
        func on(_ month: Int, _ day: Int) -> CalendarDate { Self.on(month, day, year) }
        return [
            on(1, 1), easter.adding(days: 1), on(5, 1), easter.adding(days: 39), easter.adding(days: 50), on(7, 21),
            on(8, 15), on(11, 1), on(11, 11), on(12, 25),
        ]
    }

    private static func spanishHolidays(year: Int, easter: CalendarDate) -> [CalendarDate] {
        func on(_ month: Int, _ day: Int) -> CalendarDate { Self.on(month, day, year) }
        return [
            on(1, 1), on(1, 6), easter.adding(days: -2), on(5, 1), on(8, 15), on(10, 12), on(11, 1), on(12, 6),
            on(12, 8), on(12, 25),
        ]
    }

    private static func italianHolidays(year: Int, easter: CalendarDate) -> [CalendarDate] {
        func on(_ month: Int, _ day: Int) -> CalendarDate { Self.on(month, day, year) }
        var days = [
            on(1, 1), on(1, 6), easter.adding(days: 1), on(4, 25), on(5, 1), on(6, 2), on(8, 15), on(11, 1),
            on(12, 8), on(12, 25), on(12, 26),
        ]
        // Saint Francis of Assisi, national holiday again from 2026 (legge 7 ottobre 2025, n. 151).
        if year >= 2026 { days.append(on(10, 4)) }
        return days
    }

    private static func dutchHolidays(year: Int, easter: CalendarDate) -> [CalendarDate] {
        func on(_ month: Int, _ day: Int) -> CalendarDate { Self.on(month, day, year) }
        // King's Day is 27 April, or 26 April when the 27th is a Sunday (Queen's Day, 30 April, before 2014).
        let kingsDay = year >= 2014 ? (on(4, 27).weekday == 7 ? on(4, 26) : on(4, 27)) : (on(4, 30).weekday == 7 ? on(4, 29) : on(4, 30))
        return [
            on(1, 1), easter.adding(days: -2), easter.adding(days: 1), kingsDay, on(5, 5), easter.adding(days: 39),
            easter.adding(days: 50), on(12, 25), on(12, 26),
        ]
    }

    private static func irishHolidays(year: Int, easter: CalendarDate) -> [CalendarDate] {
        func on(_ month: Int, _ day: Int) -> CalendarDate { Self.on(month, day, year) }
        var days = [
            on(1, 1), on(3, 17), easter.adding(days: 1), monday(1, of: 5, year), monday(1, of: 6, year),
            monday(1, of: 8, year), lastMonday(of: 10, year), on(12, 25), on(12, 26),
        ]
        // St Brigid's Day (from 2023): the first Monday of February, or 1 February when it is a Friday.
        if year >= 2023 { days.append(on(2, 1).weekday == 5 ? on(2, 1) : monday(1, of: 2, year)) }
        return days
    }

    private static func luxembourgHolidays(year: Int, easter: CalendarDate) -> [CalendarDate] {
        func on(_ month: Int, _ day: Int) -> CalendarDate { Self.on(month, day, year) }
        var days = [
            on(1, 1), easter.adding(days: 1), on(5, 1), easter.adding(days: 39), easter.adding(days: 50), on(6, 23),
            on(8, 15), on(11, 1), on(12, 25), on(12, 26),
        ]
        if year >= 2019 { days.append(on(5, 9)) }  // Europe Day (loi du 19 décembre 2019)
        return days
    }

    /// Whether `date` is a public holiday here.
    public func isHoliday(_ date: CalendarDate) -> Bool {
        holidays(in: date.year).contains(date)
    }

    /// A working day is neither a Saturday, a Sunday nor a public holiday (1182/71 Art. 2(2)).
    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        !date.isWeekend && !isHoliday(date)
    }

    /// Easter Sunday of the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher).
    public static func easterSunday(_ year: Int) -> CalendarDate {
        let a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDate(year: year, month: month, day: day)!
    }

    // MARK: Rules of each place

    /// The `n`-th Monday of a month.
    static func monday(_ n: Int, of month: Int, _ year: Int) -> CalendarDate {
        let first = CalendarDate(year: year, month: month, day: 1)!
        return first.adding(days: (8 - first.weekday) % 7 + 7 * (n - 1))
    }

    static func lastMonday(of month: Int, _ year: Int) -> CalendarDate {
        let last = CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))!
        return last.adding(days: -((last.weekday + 6) % 7))
    }

    /// What a Land adds to the nationwide holidays (the Länder's Feiertagsgesetze). Assumption Day in
    /// Bavaria is a holiday in its predominantly Catholic municipalities, most of the Land: it is counted.
    static func germanStateHolidays(_ state: GermanState, year: Int, easter: CalendarDate) -> [CalendarDate] {
        func on(_ month: Int, _ day: Int) -> CalendarDate { CalendarDate(year: year, month: month, day: day)! }
        let epiphany = on(1, 6), corpusChristi = easter.adding(days: 60), assumption = on(8, 15)
        let allSaints = on(11, 1), reformation = on(10, 31), womensDay = on(3, 8)
        // Repentance and Prayer Day: the Wednesday before 23 November.
        let repentance = on(11, 22).adding(days: -((on(11, 22).weekday + 4) % 7))
        switch state {
        case .badenWurttemberg: return [epiphany, corpusChristi, allSaints]
        case .bavaria: return [epiphany, corpusChristi, assumption, allSaints]
        case .berlin: return year >= 2019 ? [womensDay] : []
        case .brandenburg: return [reformation]
        case .bremen, .hamburg, .lowerSaxony, .schleswigHolstein: return year >= 2018 ? [reformation] : []
        case .hesse: return [corpusChristi]
        case .mecklenburgVorpommern: return [reformation] + (year >= 2023 ? [womensDay] : [])
        case .northRhineWestphalia, .rhinelandPalatinate: return [corpusChristi, allSaints]
        case .saarland: return [corpusChristi, assumption, allSaints]
        case .saxony: return [reformation, repentance]
        case .saxonyAnhalt: return [epiphany, reformation]
        case .thuringia: return [reformation] + (year >= 2019 ? [on(9, 20)] : [])  // World Children's Day
        }
    }

    /// The bank holidays of a part of the United Kingdom: a holiday that falls on a weekend, or on a day
    /// already a holiday, gives the next weekday (the substitute day), as the Royal Proclamations do.
    static func ukBankHolidays(_ nation: UKNation, year: Int, easter: CalendarDate) -> [CalendarDate] {
        func on(_ month: Int, _ day: Int) -> CalendarDate { CalendarDate(year: year, month: month, day: day)! }
        // Fixed-date holidays, in order, each moved to the next free weekday.
        var fixed: [CalendarDate] = [on(1, 1)]
        if nation == .scotland { fixed.append(on(1, 2)) }
        if nation == .northernIreland { fixed += [on(3, 17), on(7, 12)] }
        if nation == .scotland { fixed.append(on(11, 30)) }
        fixed += [on(12, 25), on(12, 26)]
        var days: [CalendarDate] = [easter.adding(days: -2)]
        if nation != .scotland { days.append(easter.adding(days: 1)) }
        var earlyMay = monday(1, of: 5, year), spring = lastMonday(of: 5, year)
        let summer = nation == .scotland ? monday(1, of: 8, year) : lastMonday(of: 8, year)
        // Years when a proclamation moved a holiday or added one (gov.uk/bank-holidays).
        var extra: [CalendarDate] = []
        switch year {
        case 2011: extra = [on(4, 29)]  // royal wedding
        case 2012: spring = on(6, 4); extra = [on(6, 5)]  // Diamond Jubilee
        case 2020: earlyMay = on(5, 8)  // VE Day anniversary
        case 2022: spring = on(6, 2); extra = [on(6, 3), on(9, 19)]  // Platinum Jubilee; the Queen's funeral
        case 2023: extra = [on(5, 8)]  // the King's coronation
        default: break
        }
        days += [earlyMay, spring, summer] + extra
        for day in fixed.sorted() {
            var substitute = day
            while substitute.isWeekend || days.contains(substitute) { substitute = substitute.adding(days: 1) }
            days.append(substitute)
        }
        return days
    }
}
