package si.bankart.prehod.sp.source;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** conf/metadata-sources.yaml as a whole: where the SPs' metadata comes from, read in this order. */
public record MetadataSourcesFile(List<MetadataSourceConfig> sources) {

    public MetadataSourcesFile {
        sources = sources == null ? List.of() : List.copyOf(sources);
        Set<String> names = new HashSet<>();
        for (MetadataSourceConfig source : sources) {
            if (!names.add(source.name())) {
                throw new IllegalArgumentException("metadata source " + source.name() + " is configured twice");
            }
        }
    }
}
