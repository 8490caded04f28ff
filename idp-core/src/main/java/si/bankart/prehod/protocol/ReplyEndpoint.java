package si.bankart.prehod.protocol;

/** An endpoint of an SP's metadata that the IdP answers to: an AssertionConsumerService or a SingleLogoutService. */
public interface ReplyEndpoint {

    String binding();

    /** Where an answer to this endpoint goes. */
    String replyLocation();
}
