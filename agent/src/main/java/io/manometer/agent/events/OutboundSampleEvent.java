package io.manometer.agent.events;

import io.manometer.schema.EventSchema;
import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

@Name(EventSchema.OutboundSample.NAME)
@Label("Outbound Sample")
@Description("The outbound bytes a network library holds for the connections whose writes backed up at one line "
        + "(Netty channels, gRPC streams), and whether their writers wait while the connection is not writable")
@Category({"Manometer", "Outbound"})
@Period("1 s")
@StackTrace(false)
public final class OutboundSampleEvent extends Event {

    @Label("Group Id")
    @Description("Identifies the group of connections for the life of the JVM")
    @Count("identifier")
    public long groupId;

    @Label("Transport")
    @Description("netty-channel (a Netty channel's outbound buffer) or grpc-stream (a gRPC call's sent-bytes queue)")
    @Count("transport name")
    public String transport;

    @Label("Buffer Type")
    @Description("Class name of the library's buffer; a relocated name says where the library was shaded")
    @Count("class name")
    public String bufferType;

    @Label("Writer Site")
    @Description("The application's line of the write that first backed up a connection of the group")
    @Count("stack frame")
    public String writerSite;

    @Label("Writer Stack")
    @Description("Frames of that write, innermost first, one per line")
    @Count("stack frames")
    public String writerStack;

    @Label("Writer Thread")
    @Description("Name of the thread that made that write")
    @Count("thread name")
    public String writerThread;

    @Label("Connections")
    @Description("Connections of the group still alive")
    @Count("connections")
    public int connections;

    @Label("Pending")
    @Description("Bytes written and not yet sent, summed over the group's connections")
    @DataAmount
    public long pending;

    @Label("Max Pending")
    @Description("Bytes pending on the group's fullest connection")
    @DataAmount
    public long maxPending;

    @Label("Bytes Added")
    @Description("Bytes the group's writes added since its connections backed up (cumulative)")
    @DataAmount
    public long bytesAdded;

    @Label("Writes")
    @Description("Writes (messages, frames) the application made since its connections backed up (cumulative)")
    @Count("writes")
    public long writes;

    @Label("Writes While Unwritable")
    @Description("Of those, the writes made while the connection said it was not writable (cumulative)")
    @Count("writes")
    public long writesWhileUnwritable;

    @Label("Became Unwritable")
    @Description("Times a connection of the group went from writable to not writable (cumulative)")
    @Count("transitions")
    public long becameUnwritable;
}
