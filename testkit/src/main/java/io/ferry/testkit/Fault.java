package io.ferry.testkit;

/**
 * What {@link FaultProxy} does to one HTTP exchange. The faults are the ways a real network and a
 * real service fail a client, including the nasty one: the server acted, but its answer was lost.
 */
public enum Fault {
    /** Forward the request and the response untouched. */
    NONE,
    /** Read part of the request, then reset the connection: the server never sees the request. */
    RESET_REQUEST,
    /** Answer 500 InternalError without forwarding: the server never sees the request. */
    ERROR_500,
    /** Answer 503 SlowDown without forwarding: the server never sees the request. */
    ERROR_503,
    /** Forward the request, send the response head and part of its body, then reset the connection. */
    RESET_RESPONSE_BODY,
    /** Forward the request (the server acts on it), then reset the connection instead of answering. */
    DROP_RESPONSE,
    /** Hold the request for the plan's stall time, then forward it and its response untouched. */
    STALL;

    /** Whether the server sees and acts on the request under this fault. */
    public boolean reachesServer() {
        return this == NONE || this == RESET_RESPONSE_BODY || this == DROP_RESPONSE || this == STALL;
    }
}
