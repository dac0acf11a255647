package io.manometer.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Sets a property (by default {@code argLine}, which Surefire and Failsafe pass to each forked test
 * JVM) so that every test JVM runs with the Manometer agent and records into {@code directory}.
 * What is already in the property is kept; the agent comes from the plugin's own dependencies.
 */
@Mojo(name = "prepare-agent", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public final class PrepareAgentMojo extends AbstractMojo {
    static final String AGENT_ARTIFACT = "io.manometer:manometer-agent";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin.artifactMap}", readonly = true, required = true)
    private Map<String, Artifact> pluginArtifactMap;

    /** The property to set; Surefire and Failsafe read {@code argLine}. */
    @Parameter(property = "manometer.propertyName", defaultValue = "argLine")
    private String propertyName;

    /** Where each test JVM writes its recording, one file per JVM; check reads them there. */
    @Parameter(property = "manometer.directory", defaultValue = "${project.build.directory}/manometer")
    private File directory;

    /** Agent options, as in the agent's table: {@code <agentOptions><max.buffers>500</max.buffers></agentOptions>}. */
    @Parameter
    private Map<String, String> agentOptions = new LinkedHashMap<>();

    /** JFR settings of the recording: {@code default}, {@code profile} (names allocation lines), or a .jfc file. */
    @Parameter(property = "manometer.recordingSettings", defaultValue = "default")
    private String recordingSettings;

    @Parameter(property = "manometer.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Manometer: skipped (manometer.skip)");
            return;
        }
        Artifact agent = pluginArtifactMap.get(AGENT_ARTIFACT);
        if (agent == null || agent.getFile() == null) {
            throw new MojoExecutionException("Manometer: the plugin came without its agent (" + AGENT_ARTIFACT
                    + "); check that the plugin's dependencies resolve");
        }
        try {
            Files.createDirectories(directory.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("Manometer: cannot create " + directory + ": " + e.getMessage(), e);
        }
        // Dumps before a test JVM's heap runs out stay in the build's output, beside (not among) the
        // recordings check reads; never in the module's directory, where git add would take them.
        Map<String, String> options = new LinkedHashMap<>(agentOptions);
        options.putIfAbsent("dump.dir", directory.toPath().resolve("dumps").toAbsolutePath().toString());
        String ours = AgentArguments.of(agent.getFile().toPath(), options, directory.toPath(), recordingSettings);
        String value = AgentArguments.appendTo(project.getProperties().getProperty(propertyName), ours,
                agent.getFile().toPath());
        project.getProperties().setProperty(propertyName, value);
        getLog().info("Manometer: " + propertyName + " set to " + value);
    }
}
