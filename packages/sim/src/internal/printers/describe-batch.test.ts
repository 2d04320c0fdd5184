// kubectl describe for Jobs, CronJobs and HorizontalPodAutoscalers.
import { describe, expect, it } from "vitest";
import { describeObject } from "./describe/index.ts";
import { ago, context, event, obj } from "./test-fixtures.ts";

const jobLabels = {
  "batch.kubernetes.io/controller-uid": "abc",
  "batch.kubernetes.io/job-name": "pi",
  "controller-uid": "abc",
  "job-name": "pi",
};

describe("describe job and cronjob", () => {
  it("job: counts, times and the pod template", () => {
    const job = obj(
      "batch/v1",
      "Job",
      "pi",
      {
        spec: {
          parallelism: 1,
          completions: 1,
          backoffLimit: 4,
          completionMode: "NonIndexed",
          suspend: false,
          selector: { matchLabels: { "batch.kubernetes.io/controller-uid": "abc" } },
          template: {
            metadata: { creationTimestamp: null, labels: jobLabels },
            spec: {
              containers: [
                {
                  name: "pi",
                  image: "perl:5.34.0",
                  command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"],
                  resources: {},
                },
              ],
              restartPolicy: "Never",
            },
          },
        },
        status: { startTime: ago(300), completionTime: ago(288), succeeded: 1, ready: 0 },
      },
      { labels: jobLabels },
    );
    const ctx = context({}, [
      event(job, "SuccessfulCreate", "Created pod: pi-xk2p9", {
        source: "job-controller",
        first: 300,
        id: "j1",
      }),
      event(job, "Completed", "Job completed", { source: "job-controller", first: 288, id: "j2" }),
    ]);
    expect(describeObject("jobs", job, ctx)).toBe(`Name:             pi
Namespace:        default
Selector:         batch.kubernetes.io/controller-uid=abc
Labels:           batch.kubernetes.io/controller-uid=abc
                  batch.kubernetes.io/job-name=pi
                  controller-uid=abc
                  job-name=pi
Annotations:      <none>
Parallelism:      1
Completions:      1
Completion Mode:  NonIndexed
Suspend:          false
Backoff Limit:    4
Start Time:       Wed, 01 May 2024 11:55:00 +0000
Completed At:     Wed, 01 May 2024 11:55:12 +0000
Duration:         12s
Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed
Pod Template:
  Labels:  batch.kubernetes.io/controller-uid=abc
           batch.kubernetes.io/job-name=pi
           controller-uid=abc
           job-name=pi
  Containers:
   pi:
    Image:      perl:5.34.0
    Port:       <none>
    Host Port:  <none>
    Command:
      perl
      -Mbignum=bpi
      -wle
      print bpi(2000)
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:
  Type    Reason            Age    From            Message
  ----    ------            ----   ----            -------
  Normal  SuccessfulCreate  5m     job-controller  Created pod: pi-xk2p9
  Normal  Completed         4m48s  job-controller  Job completed
`);
  });

  it("cronjob: schedule, history limits, the job template and active jobs", () => {
    const cj = obj("batch/v1", "CronJob", "hello", {
      spec: {
        schedule: "*/1 * * * *",
        concurrencyPolicy: "Allow",
        suspend: false,
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 1,
        jobTemplate: {
          spec: {
            template: {
              metadata: { creationTimestamp: null },
              spec: {
                containers: [
                  { name: "hello", image: "busybox:1.28", command: ["/bin/sh", "-c", "date; echo Hello"] },
                ],
                restartPolicy: "OnFailure",
              },
            },
          },
        },
      },
      status: { lastScheduleTime: ago(30), active: [{ name: "hello-28573620" }] },
    });
    expect(describeObject("cronjobs", cj, context({}))).toBe(`Name:                          hello
Namespace:                     default
Labels:                        <none>
Annotations:                   <none>
Schedule:                      */1 * * * *
Concurrency Policy:            Allow
Suspend:                       False
Successful Job History Limit:  3
Failed Job History Limit:      1
Starting Deadline Seconds:     <unset>
Selector:                      <unset>
Parallelism:                   <unset>
Completions:                   <unset>
Pod Template:
  Labels:  <none>
  Containers:
   hello:
    Image:      busybox:1.28
    Port:       <none>
    Host Port:  <none>
    Command:
      /bin/sh
      -c
      date; echo Hello
    Environment:     <none>
    Mounts:          <none>
  Volumes:           <none>
  Node-Selectors:    <none>
  Tolerations:       <none>
Last Schedule Time:  Wed, 01 May 2024 11:59:30 +0000
Active Jobs:         hello-28573620
Events:              <none>
`);
  });
});

describe("describe hpa", () => {
  it("prints metrics as current / target and the conditions", () => {
    const hpa = obj("autoscaling/v2", "HorizontalPodAutoscaler", "php-apache", {
      spec: {
        scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "php-apache" },
        minReplicas: 1,
        maxReplicas: 10,
        metrics: [
          {
            type: "Resource",
            resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 50 } },
          },
        ],
      },
      status: {
        currentReplicas: 1,
        desiredReplicas: 1,
        currentMetrics: [
          {
            type: "Resource",
            resource: { name: "cpu", current: { averageUtilization: 0, averageValue: "1m" } },
          },
        ],
        conditions: [
          {
            type: "AbleToScale",
            status: "True",
            reason: "ScaleDownStabilized",
            message:
              "recent recommendations were higher than current one, applying the highest recent recommendation",
          },
          {
            type: "ScalingActive",
            status: "True",
            reason: "ValidMetricFound",
            message:
              "the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)",
          },
          {
            type: "ScalingLimited",
            status: "False",
            reason: "DesiredWithinRange",
            message: "the desired count is within the acceptable range",
          },
        ],
      },
    });
    expect(
      describeObject("horizontalpodautoscalers", hpa, context({})),
    ).toBe(`Name:                                                  php-apache
Namespace:                                             default
Labels:                                                <none>
Annotations:                                           <none>
CreationTimestamp:                                     Wed, 01 May 2024 11:50:00 +0000
Reference:                                             Deployment/php-apache
Metrics:                                               ( current / target )
  resource cpu on pods  (as a percentage of request):  0% (1m) / 50%
Min replicas:                                          1
Max replicas:                                          10
Deployment pods:                                       1 current / 1 desired
Conditions:
  Type            Status  Reason               Message
  ----            ------  ------               -------
  AbleToScale     True    ScaleDownStabilized  recent recommendations were higher than current one, applying the highest recent recommendation
  ScalingActive   True    ValidMetricFound     the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)
  ScalingLimited  False   DesiredWithinRange   the desired count is within the acceptable range
Events:           <none>
`);
  });

  it("prints <unknown> before metrics arrive, and average-value targets", () => {
    const hpa = obj("autoscaling/v2", "HorizontalPodAutoscaler", "web", {
      spec: {
        scaleTargetRef: { kind: "Deployment", name: "web" },
        maxReplicas: 5,
        metrics: [
          {
            type: "Resource",
            resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 80 } },
          },
          {
            type: "Resource",
            resource: { name: "memory", target: { type: "AverageValue", averageValue: "200Mi" } },
          },
        ],
      },
      status: { currentReplicas: 0, desiredReplicas: 0 },
    });
    expect(
      describeObject("horizontalpodautoscalers", hpa, context({})),
    ).toContain(`Metrics:                                               ( current / target )
  resource cpu on pods  (as a percentage of request):  <unknown> / 80%
  resource memory on pods:                             <unknown> / 200Mi
Min replicas:                                          <unset>
`);
  });
});
