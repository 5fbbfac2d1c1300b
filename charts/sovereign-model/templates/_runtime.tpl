{{/*
Per-runtime process arguments, ports, environment and probes. Every template takes a dict:
  ctx   the root context
  role  "server" (a pod that serves the API: a single-node replica or the rank-0 leader of a
        multi-node replica) or "worker" (a headless rank > 0 of a multi-node replica)
  group the replica group index (multi-node only)
*/}}

{{- define "sm.command" -}}
{{- $engine := .ctx.Values.runtime.engine -}}
{{- if eq $engine "vllm" -}}
- vllm
- serve
{{- else if eq $engine "tgi" -}}
- text-generation-launcher
{{- else -}}
- tritonserver
{{- end -}}
{{- end -}}

{{- define "sm.args" -}}
{{- $v := .ctx.Values -}}
{{- $p := $v.parallelism -}}
{{- $s := $v.serving -}}
{{- $engine := $v.runtime.engine -}}
{{- if eq $engine "vllm" }}
- {{ include "sm.modelPath" .ctx | quote }}
- "--served-model-name={{ $v.model.servedName }}"
- "--host=0.0.0.0"
- "--port={{ $v.runtime.port }}"
- "--tensor-parallel-size={{ $p.tensorParallelSize }}"
- "--pipeline-parallel-size={{ $p.pipelineParallelSize }}"
- "--max-model-len={{ $s.maxModelLength }}"
- "--max-num-seqs={{ $s.maxConcurrentSequences }}"
{{- if include "sm.multiNode" .ctx }}
- "--distributed-executor-backend=mp"
- "--nnodes={{ $p.nodesPerReplica }}"
- "--master-port={{ $p.coordinatorPort }}"
{{- if eq .role "worker" }}
- "--node-rank=$(NODE_RANK)"
- "--master-addr={{ printf "%s-%d" (include "sm.fullname" .ctx) (.group | int) }}.{{ include "sm.headlessName" .ctx }}.{{ $v.namespace }}.svc"
- "--headless"
{{- else }}
- "--node-rank=0"
- "--master-addr=$(POD_IP)"
{{- end }}
{{- end }}
{{- else if eq $engine "tgi" }}
- "--model-id={{ include "sm.modelPath" .ctx }}"
- "--hostname=0.0.0.0"
- "--port={{ $v.runtime.port }}"
- "--num-shard={{ $p.tensorParallelSize }}"
- "--max-total-tokens={{ $s.maxModelLength }}"
- "--max-input-tokens={{ $s.maxInputTokens | default (sub ($s.maxModelLength | int) 1) }}"
- "--max-concurrent-requests={{ $s.maxConcurrentSequences }}"
- "--huggingface-hub-cache=/scratch/huggingface"
- "--shard-uds-path=/tmp/tgi-server"
- "--usage-stats=off"
{{- else }}
- "--model-repository={{ include "sm.modelPath" .ctx }}"
- "--model-control-mode=explicit"
- "--load-model={{ $v.model.servedName }}"
- "--http-port={{ $v.runtime.port }}"
- "--grpc-port={{ $v.runtime.grpcPort }}"
- "--metrics-port={{ $v.runtime.metricsPort }}"
- "--strict-readiness=true"
- "--exit-on-error=true"
{{- end }}
{{- range $v.runtime.extraArgs }}
- {{ . | quote }}
{{- end }}
{{- end -}}

{{- define "sm.ports" -}}
{{- $v := .ctx.Values -}}
{{- if ne .role "worker" }}
- name: http
  containerPort: {{ $v.runtime.port }}
  protocol: TCP
{{- if eq $v.runtime.engine "triton" }}
- name: grpc
  containerPort: {{ $v.runtime.grpcPort }}
  protocol: TCP
- name: metrics
  containerPort: {{ $v.runtime.metricsPort }}
  protocol: TCP
{{- end }}
{{- if include "sm.multiNode" .ctx }}
- name: coordinator
  containerPort: {{ $v.parallelism.coordinatorPort }}
  protocol: TCP
{{- end }}
{{- end }}
{{- end -}}

{{/*
Sovereign clusters have no route to public model hubs or telemetry endpoints, and must not try:
the hub clients are forced offline and usage reporting is off. Caches live on the scratch volume
because the root filesystem is read-only.
*/}}
{{- define "sm.env" -}}
{{- $v := .ctx.Values -}}
- name: HOME
  value: /scratch
- name: XDG_CACHE_HOME
  value: /scratch/cache
- name: HF_HOME
  value: /scratch/huggingface
- name: HF_HUB_OFFLINE
  value: "1"
- name: TRANSFORMERS_OFFLINE
  value: "1"
- name: DO_NOT_TRACK
  value: "1"
- name: TMPDIR
  value: /tmp
{{- if eq $v.runtime.engine "vllm" }}
- name: VLLM_NO_USAGE_STATS
  value: "1"
{{- end }}
{{- if include "sm.multiNode" .ctx }}
- name: POD_IP
  valueFrom:
    fieldRef:
      fieldPath: status.podIP
- name: VLLM_HOST_IP
  value: $(POD_IP)
{{- if eq .role "worker" }}
- name: NODE_RANK
  valueFrom:
    fieldRef:
      fieldPath: metadata.labels['apps.kubernetes.io/pod-index']
{{- end }}
{{- end }}
{{- end -}}

{{/*
Probes. Loading weights takes minutes, so a startup probe holds liveness back for the configured
budget. A headless worker rank serves no HTTP: it has no probes, and a failed rank takes the
leader's engine down, whose liveness probe then restarts the group's entry point.
*/}}
{{- define "sm.probes" -}}
{{- if ne .role "worker" -}}
{{- $v := .ctx.Values -}}
{{- $ready := "/health" -}}
{{- $live := "/health" -}}
{{- if eq $v.runtime.engine "triton" -}}
{{- $ready = "/v2/health/ready" -}}
{{- $live = "/v2/health/live" -}}
{{- end -}}
{{- $period := $v.probes.periodSeconds | int -}}
startupProbe:
  httpGet:
    path: {{ $ready }}
    port: http
  periodSeconds: {{ $period }}
  timeoutSeconds: 5
  failureThreshold: {{ max 1 (div ($v.probes.startupBudgetSeconds | int) $period) }}
readinessProbe:
  httpGet:
    path: {{ $ready }}
    port: http
  periodSeconds: {{ $period }}
  timeoutSeconds: 5
  failureThreshold: 3
livenessProbe:
  httpGet:
    path: {{ $live }}
    port: http
  periodSeconds: {{ $period }}
  timeoutSeconds: 5
  failureThreshold: {{ $v.probes.livenessFailureThreshold }}
{{- end -}}
{{- end -}}
