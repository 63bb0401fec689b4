/**
 * Public transport API: the connect-descriptor model, the open Oracle Net session and transport errors.
 */
package dev.orathin.net;
