public import RegistreCore

/// A register of many activities, made from a base register by repeating its activities under new ids:
/// big enough for an import to take a while, realistic in every entry.
public enum LargeRegister {
    public static func make(from base: Register, activities count: Int, variant: String = "") -> Register {
        var register = base
        register.activities = (0..<count).map { index in
            var activity = base.activities[index % base.activities.count]
            activity.id = "\(activity.id)-\(index)"
            activity.name += " (\(index))\(variant)"
            return activity
        }
        return register
    }
}
