// kubectl explain's schema data, part 3: workloads (Deployment, ReplicaSet, Job, CronJob) and autoscaling.

import { kind, type TypeDef } from "./explain-data.ts";

/** Deployments, ReplicaSets, Jobs and CronJobs. */
export const WORKLOAD_TYPES: Record<string, TypeDef> = {
  Deployment: kind(
    "A Deployment keeps a number of identical pods running and replaces them gradually when you change the pod template.",
    {
      spec: "DeploymentSpec The pods you want and how to roll out changes to them.",
      status: "DeploymentStatus How the rollout is going. Read-only.",
    },
  ),
  DeploymentSpec: {
    desc: "The desired state of a Deployment.",
    fields: {
      minReadySeconds: "integer Seconds a new pod must stay ready before it counts as available.",
      paused: "boolean Pauses rollouts: template changes wait until you resume.",
      progressDeadlineSeconds:
        "integer Seconds without progress before the rollout is reported stuck. Default 600.",
      replicas: "integer How many pods to run. Defaults to 1.",
      revisionHistoryLimit: "integer How many old ReplicaSets to keep for rollbacks. Default 10.",
      selector: "LabelSelector! Which pods belong to the Deployment. Must match the template's labels.",
      strategy: "DeploymentStrategy How old pods are replaced by new ones.",
      template: "PodTemplateSpec! The pod to create. Changing it starts a new rollout.",
    },
  },
  DeploymentStrategy: {
    desc: "How a Deployment replaces old pods with new ones.",
    fields: {
      rollingUpdate: "RollingUpdateDeployment Limits for a rolling update. Only with type RollingUpdate.",
      type: "string{Recreate,RollingUpdate} Recreate stops all old pods first; RollingUpdate swaps a few at a time.",
    },
  },
  RollingUpdateDeployment: {
    desc: "How fast a rolling update may go.",
    fields: {
      maxSurge:
        "IntOrString Pods allowed above the desired count during the update, as a number or percent. Default 25%.",
      maxUnavailable: "IntOrString Pods allowed to be unavailable during the update. Default 25%.",
    },
  },
  DeploymentStatus: {
    desc: "The observed state of a Deployment.",
    fields: {
      availableReplicas: "integer Pods ready for at least minReadySeconds.",
      collisionCount: "integer Used to avoid clashing ReplicaSet names.",
      conditions: "[]Condition Available and Progressing, with reasons.",
      observedGeneration: "integer The generation the controller last acted on.",
      readyReplicas: "integer Pods that pass their readiness checks.",
      replicas: "integer Pods the Deployment has, old and new.",
      unavailableReplicas: "integer Pods still needed to reach the desired count.",
      updatedReplicas: "integer Pods that already run the current template.",
    },
  },
  ReplicaSet: kind(
    "A ReplicaSet keeps a set number of pods matching its selector running. Deployments create and manage them for you.",
    {
      spec: "ReplicaSetSpec The pods you want.",
      status: "ReplicaSetStatus How many pods exist and are ready. Read-only.",
    },
  ),
  ReplicaSetSpec: {
    desc: "The desired state of a ReplicaSet.",
    fields: {
      minReadySeconds: "integer Seconds a new pod must stay ready before it counts as available.",
      replicas: "integer How many pods to run. Defaults to 1.",
      selector: "LabelSelector! Which pods the ReplicaSet counts as its own.",
      template: "PodTemplateSpec The pod to create when there are too few.",
    },
  },
  ReplicaSetStatus: {
    desc: "The observed state of a ReplicaSet.",
    fields: {
      availableReplicas: "integer Pods ready for at least minReadySeconds.",
      fullyLabeledReplicas: "integer Pods whose labels match the template's labels.",
      observedGeneration: "integer The generation the controller last acted on.",
      readyReplicas: "integer Pods that pass their readiness checks.",
      replicas: "integer! Pods the ReplicaSet has now.",
    },
  },
  Job: kind("A Job runs pods until a given number of them finish successfully.", {
    spec: "JobSpec The pods to run and when the Job is done.",
    status: "JobStatus How many pods are running, finished or failed. Read-only.",
  }),
  JobSpec: {
    desc: "The desired behaviour of a Job.",
    fields: {
      activeDeadlineSeconds: "integer Seconds the Job may run in total before it is stopped.",
      backoffLimit: "integer Retries before the Job is marked failed. Default 6.",
      completionMode: "string{Indexed,NonIndexed} Whether each pod gets its own index.",
      completions: "integer Successful pods needed to finish. Default 1.",
      parallelism: "integer How many pods may run at once. Default 1.",
      selector: "LabelSelector Which pods belong to the Job. Normally generated for you.",
      suspend: "boolean If true, no new pods are started.",
      template: "PodTemplateSpec! The pod to run. Its restartPolicy must be Never or OnFailure.",
      ttlSecondsAfterFinished: "integer Seconds after finishing before the Job is deleted.",
    },
  },
  JobStatus: {
    desc: "The observed state of a Job.",
    fields: {
      active: "integer Pods running now.",
      completionTime: "Time When the Job finished.",
      conditions: "[]Condition Complete or Failed, with reasons.",
      failed: "integer Pods that failed.",
      startTime: "Time When the Job started.",
      succeeded: "integer Pods that finished successfully.",
    },
  },
  CronJob: kind("A CronJob creates a Job on a repeating schedule, like a crontab line.", {
    spec: "CronJobSpec The schedule and the Job to create.",
    status: "CronJobStatus The Jobs running now and when the last ran. Read-only.",
  }),
  CronJobSpec: {
    desc: "The schedule and Job of a CronJob.",
    fields: {
      concurrencyPolicy: "string{Allow,Forbid,Replace} What to do when the previous Job is still running.",
      failedJobsHistoryLimit: "integer Failed Jobs to keep. Default 1.",
      jobTemplate: "JobTemplateSpec! The Job to create each time.",
      schedule: 'string! When to run, in cron format, e.g. "*/5 * * * *" for every five minutes.',
      startingDeadlineSeconds: "integer Seconds a missed run may start late; later it is skipped.",
      successfulJobsHistoryLimit: "integer Successful Jobs to keep. Default 3.",
      suspend: "boolean If true, no new Jobs are created.",
      timeZone: "string The time zone of the schedule, e.g. Europe/Paris. Defaults to the controller's.",
    },
  },
  JobTemplateSpec: {
    desc: "The Job a CronJob creates.",
    fields: {
      metadata: "ObjectMeta Labels and annotations each Job gets.",
      spec: "JobSpec The spec each Job gets.",
    },
  },
  CronJobStatus: {
    desc: "The observed state of a CronJob.",
    fields: {
      active: "[]ObjectReference The Jobs running now.",
      lastScheduleTime: "Time When a Job was last started.",
      lastSuccessfulTime: "Time When a Job last finished successfully.",
    },
  },
};

/** HorizontalPodAutoscaler (autoscaling/v2). */
export const AUTOSCALING_TYPES: Record<string, TypeDef> = {
  HorizontalPodAutoscaler: kind(
    "A HorizontalPodAutoscaler changes the replica count of a workload to keep a metric, such as CPU use, near a target.",
    {
      spec: "HorizontalPodAutoscalerSpec What to scale, between which bounds, on which metrics.",
      status: "HorizontalPodAutoscalerStatus Current and desired replicas and metrics. Read-only.",
    },
  ),
  HorizontalPodAutoscalerSpec: {
    desc: "What the autoscaler scales and how.",
    fields: {
      behavior: "HorizontalPodAutoscalerBehavior How fast to scale up and down.",
      maxReplicas: "integer! The most replicas it may set.",
      metrics: "[]MetricSpec The metrics to follow. Default: 80% average CPU use.",
      minReplicas: "integer The fewest replicas it may set. Default 1.",
      scaleTargetRef: "CrossVersionObjectReference! The workload to scale, e.g. a Deployment.",
    },
  },
  CrossVersionObjectReference: {
    desc: "Names the object to scale.",
    fields: {
      apiVersion: "string The object's API version, e.g. apps/v1.",
      kind: "string! The object's kind, e.g. Deployment.",
      name: "string! The object's name.",
    },
  },
  MetricSpec: {
    desc: "One metric to scale on. Set type and the matching field.",
    fields: {
      pods: "PodsMetricSource A metric each pod reports, averaged over the pods.",
      resource: "ResourceMetricSource CPU or memory use of the pods, compared with their requests.",
      type: "string! Resource, Pods, Object, External or ContainerResource.",
    },
  },
  ResourceMetricSource: {
    desc: "Scales on a resource (cpu or memory) of the target's pods.",
    fields: { name: "string! cpu or memory.", target: "MetricTarget! The value to aim for." },
  },
  PodsMetricSource: {
    desc: "Scales on a custom metric the pods report.",
    fields: { metric: "MetricIdentifier! Which metric.", target: "MetricTarget! The value to aim for." },
  },
  MetricIdentifier: {
    desc: "Names a metric.",
    fields: { name: "string! The metric's name.", selector: "LabelSelector Narrows which series to use." },
  },
  MetricTarget: {
    desc: "The value a metric should have. Set type and the matching field.",
    fields: {
      averageUtilization: "integer Average use as a percent of the pods' requests, e.g. 70.",
      averageValue: "Quantity Average value per pod.",
      type: "string! Utilization, Value or AverageValue.",
      value: "Quantity Total value.",
    },
  },
  HorizontalPodAutoscalerBehavior: {
    desc: "Separate rules for scaling up and scaling down.",
    fields: {
      scaleDown: "HPAScalingRules Rules for removing replicas. Default: wait 300 seconds.",
      scaleUp: "HPAScalingRules Rules for adding replicas. Default: no waiting.",
    },
  },
  HPAScalingRules: {
    desc: "Limits on how quickly replicas change in one direction.",
    fields: {
      policies: "[]HPAScalingPolicy The allowed changes per period.",
      selectPolicy: "string{Disabled,Max,Min} Which policy wins when several apply.",
      stabilizationWindowSeconds: "integer Seconds of past recommendations considered, to avoid flapping.",
    },
  },
  HPAScalingPolicy: {
    desc: "One allowed change, e.g. at most 4 pods per 60 seconds.",
    fields: {
      periodSeconds: "integer! The length of the period, in seconds.",
      type: "string! Pods or Percent.",
      value: "integer! How many pods, or what percent, per period.",
    },
  },
  HorizontalPodAutoscalerStatus: {
    desc: "The observed state of an autoscaler.",
    fields: {
      conditions: "[]Condition AbleToScale, ScalingActive and ScalingLimited, with reasons.",
      currentReplicas: "integer Replicas the target has now.",
      desiredReplicas: "integer! Replicas the autoscaler wants.",
      lastScaleTime: "Time When it last changed the replica count.",
      observedGeneration: "integer The generation it last acted on.",
    },
  },
};
