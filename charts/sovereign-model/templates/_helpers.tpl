{{/*
Names. Kubernetes limits most names to a DNS-1123 label (63 characters) and StatefulSet pods add
an ordinal plus a controller-revision label, so the base name is kept to 40 characters: a longer
name is cut and suffixed with a hash of the full name, which keeps two long names from colliding.
*/}}
{{- define "sm.truncate" -}}
{{- $name := index . 0 -}}
{{- $max := index . 1 | int -}}
{{- if le (len $name) $max -}}
{{- $name -}}
{{- else -}}
{{- printf "%s-%s" (trunc (sub $max 9 | int) $name | trimSuffix "-") (sha256sum $name | trunc 8) -}}
{{- end -}}
{{- end -}}

{{- define "sm.fullname" -}}
{{- include "sm.truncate" (list .Values.name 40) -}}
{{- end -}}

{{- define "sm.headlessName" -}}
{{- printf "%s-ranks" (include "sm.fullname" .) -}}
{{- end -}}

{{- define "sm.workerSetName" -}}
{{- printf "%s-w%d" (include "sm.fullname" .ctx) (.group | int) -}}
{{- end -}}

{{/* Labels that select this model's pods. They never change for a release, so selectors stay immutable-safe. */}}
{{- define "sm.selectorLabels" -}}
app.kubernetes.io/name: sovereign-model
app.kubernetes.io/instance: {{ include "sm.fullname" . }}
{{- end -}}

{{/* The inventory labels from values, then the chart's own labels (which win on a clash). */}}
{{- define "sm.labels" -}}
{{- $own := dict
  "app.kubernetes.io/name" "sovereign-model"
  "app.kubernetes.io/instance" (include "sm.fullname" .)
  "app.kubernetes.io/component" "model-server"
  "app.kubernetes.io/version" (.Values.model.version | toString)
  "sovereignops.io/workload" "model"
  "sovereignops.io/data-class" .Values.model.dataClass
-}}
{{- toYaml (merge $own (deepCopy .Values.labels)) -}}
{{- end -}}

{{- define "sm.metadata" -}}
namespace: {{ .Values.namespace }}
labels:
  {{- include "sm.labels" . | nindent 2 }}
{{- end -}}

{{/* repository[:tag][@digest]; the mirror rewrite already happened before values were written. */}}
{{- define "sm.image" -}}
{{- .repository -}}
{{- with .tag }}:{{ . }}{{ end -}}
{{- with .digest }}@{{ . }}{{ end -}}
{{- end -}}

{{- define "sm.multiNode" -}}
{{- if gt (.Values.parallelism.nodesPerReplica | int) 1 }}true{{ end -}}
{{- end -}}

{{- define "sm.gpusPerPod" -}}
{{- .Values.resources.gpu.count | int -}}
{{- end -}}

{{/* Where the runtime finds the model: the weights volume, plus an optional directory inside it. */}}
{{- define "sm.modelPath" -}}
{{- if .Values.weights.path -}}
{{- printf "/models/%s" (.Values.weights.path | trimPrefix "/") -}}
{{- else -}}
/models
{{- end -}}
{{- end -}}

{{/*
Cross-field rules the JSON schema cannot express (arithmetic across fields). They fail the render
with the field names, before any object is produced.
*/}}
{{- define "sm.validate" -}}
{{- $p := .Values.parallelism -}}
{{- $ranks := mul ($p.tensorParallelSize | int) ($p.pipelineParallelSize | int) -}}
{{- $nodes := $p.nodesPerReplica | int -}}
{{- if ne (mod $ranks $nodes | int) 0 -}}
{{- fail (printf "parallelism: tensorParallelSize × pipelineParallelSize (%d) must be divisible by nodesPerReplica (%d)" $ranks $nodes) -}}
{{- end -}}
{{- $isMig := hasPrefix "nvidia.com/mig-" .Values.resources.gpu.resourceName -}}
{{- if and (not $isMig) (ne (div $ranks $nodes | int) (.Values.resources.gpu.count | int)) -}}
{{- fail (printf "resources.gpu.count (%d) must equal the GPUs each pod runs ranks on: tensorParallelSize × pipelineParallelSize / nodesPerReplica = %d" (.Values.resources.gpu.count | int) (div $ranks $nodes | int)) -}}
{{- end -}}
{{- if and $isMig (or (gt $ranks 1) (gt (.Values.resources.gpu.count | int) 1)) -}}
{{- fail "resources.gpu: a MIG slice cannot take part in tensor or pipeline parallelism; use one slice (count 1) with tensorParallelSize and pipelineParallelSize 1" -}}
{{- end -}}
{{- if and (include "sm.multiNode" .) (ne .Values.workload.kind "StatefulSet") -}}
{{- fail "workload.kind must be StatefulSet when parallelism.nodesPerReplica > 1: the ranks need stable names" -}}
{{- end -}}
{{- if and (include "sm.multiNode" .) .Values.autoscaling.enabled -}}
{{- fail "autoscaling cannot be enabled when parallelism.nodesPerReplica > 1: a replica is a group of pods that scales as one" -}}
{{- end -}}
{{- if and .Values.autoscaling.enabled (gt (.Values.autoscaling.minReplicas | int) (.Values.autoscaling.maxReplicas | int)) -}}
{{- fail "autoscaling.minReplicas must not exceed autoscaling.maxReplicas" -}}
{{- end -}}
{{- end -}}
