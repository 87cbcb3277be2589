/** A TCP port free on the loopback interface, for a server a test or benchmark starts. */
export declare function freePort(): Promise<number>;
