package si.bankart.prehod.directory;

import java.util.List;

/** conf/users.yaml as a whole. */
public record UsersFile(List<User> users) {

    public UsersFile {
        users = users == null ? List.of() : List.copyOf(users);
    }
}
