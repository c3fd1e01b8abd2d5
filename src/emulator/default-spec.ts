/**
 * The snapshot the emulator serves by default. Imported statically so the
 * package bundler embeds it: the published emulator needs no file at run time.
 */
import artu from "../../openapi/artu.json";

export const defaultSpec: object = artu;
