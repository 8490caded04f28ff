package si.bankart.prehod.session;

import si.bankart.prehod.protocol.EntityId;
import si.bankart.prehod.sp.NameIdFormat;

/** One SP within an SSO session: what it was told, so single logout can name it later. */
public record SpSession(EntityId spEntityId, String sessionIndex, String nameId, NameIdFormat nameIdFormat) {
}
