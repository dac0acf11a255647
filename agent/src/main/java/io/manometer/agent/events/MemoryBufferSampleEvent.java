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

@Name(EventSchema.MemoryBufferSample.NAME)
@Label("Memory Buffer Sample")
@Description("An in-memory byte or char buffer (ByteArrayOutputStream, CharArrayWriter, StringWriter) that grew past 1 MiB, "
        + "and how much it holds now")
@Category({"Manometer", "Byte Buffers"})
@Period("1 s")
@StackTrace(false)
public final class MemoryBufferSampleEvent extends Event {

    @Label("Buffer Id")
    @Description("Identifies the buffer for the life of the JVM")
    @Count("identifier")
    public long bufferId;

    @Label("Buffer Type")
    @Description("Class name of the buffer")
    @Count("class name")
    public String bufferType;

    @Label("Writer Site")
    @Description("First frame outside the JDK of the write that grew the buffer past 1 MiB")
    @Count("stack frame")
    public String writerSite;

    @Label("Writer Stack")
    @Description("Frames of that write, innermost first, one per line")
    @Count("stack frames")
    public String writerStack;

    @Label("Writer Thread")
    @Description("Name of the thread that grew the buffer past 1 MiB")
    @Count("thread name")
    public String writerThread;

    @Label("Size")
    @Description("Bytes held (chars count two)")
    @DataAmount
    public long size;

    @Label("Capacity")
    @Description("Bytes of the backing array")
    @DataAmount
    public long capacity;
}
