/// The public holidays of a place, which working-day periods skip and which move the end of a period
/// (Regulation 1182/71, Art. 2 and 3(4): "the public holidays of the place where the act is done").
public enum PublicHolidays: Hashable, Sendable {
    /// Metropolitan France, Code du travail L3133-1.
    case france
    /// Bas-Rhin, Haut-Rhin and Moselle add Good Friday and 26 December (L3134-13).
    case alsaceMoselle
    /// An overseas department or collectivity, which adds the day of the abolition of slavery.
    case overseas(OverseasTerritory)

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
            case .guadeloupe, .saintMartin: (5, 27)
            case .guyane: (6, 10)
            case .saintBarthelemy: (10, 9)
            case .reunion: (12, 20)
            }
        }
    }

    /// Every public holiday of `year`, sorted.
    public func holidays(in year: Int) -> [CalendarDate] {
        let easter = Self.easterSunday(year)
        var days: [CalendarDate] = [
            CalendarDate(year: year, month: 1, day: 1)!,
            easter.adding(days: 1),  // Easter Monday
            CalendarDate(year: year, month: 5, day: 1)!,
            CalendarDate(year: year, month: 5, day: 8)!,
            easter.adding(days: 39),  // Ascension Thursday
            easter.adding(days: 50),  // Whit Monday
            CalendarDate(year: year, month: 7, day: 14)!,
            CalendarDate(year: year, month: 8, day: 15)!,
            CalendarDate(year: year, month: 11, day: 1)!,
            CalendarDate(year: year, month: 11, day: 11)!,
            CalendarDate(year: year, month: 12, day: 25)!,
        ]
        switch self {
        case .france:
            break
        case .alsaceMoselle:
            days += [easter.adding(days: -2), CalendarDate(year: year, month: 12, day: 26)!]
        case .overseas(let territory):
            let day = territory.abolitionDay
            days.append(CalendarDate(year: year, month: day.month, day: day.day)!)
        }
        return days.sorted()
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
}
