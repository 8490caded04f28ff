package si.bankart.prehod.sp;

import java.util.List;

/** conf/relying-parties.yaml as a whole. */
public record RelyingPartiesFile(List<RelyingPartyPolicy> relyingParties) {

    public RelyingPartiesFile {
        relyingParties = relyingParties == null ? List.of() : List.copyOf(relyingParties);
    }
}
