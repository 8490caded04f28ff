package si.bankart.prehod.sp;

import si.bankart.prehod.protocol.ReplyEndpoint;

/**
 * An AssertionConsumerService of an SP, as its metadata lists it. Only {@link MetadataLoader} creates these, so a
 * response is only ever sent to a location an administrator put into metadata/.
 */
public record AcsEndpoint(String location, String binding, int index, Boolean isDefault) implements ReplyEndpoint {

    @Override
    public String replyLocation() {
        return location;
    }
}
