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
            // A follower follows the copy of its model made in the same round of the base.
            if var link = activity.modelRole?.link, let model = base.activities.firstIndex(where: { $0.id == link.model }) {
                let copy = index - index % base.activities.count + model
                link.model = "\(link.model)-\(copy)"
                activity.modelRole = copy < index ? .follows(link) : nil
            }
            return activity
        }
        return register
    }
}
