{{/*
The pod template shared by the Deployment and the StatefulSets. Takes a dict:
  ctx   the root context
  role  "server" or "worker" (see _runtime.tpl)
  group the replica group index of a worker
  perPodClaim  true when a StatefulSet supplies the weights cache through volumeClaimTemplates
*/}}

{{- define "sm.podSelectorLabels" -}}
{{- include "sm.selectorLabels" .ctx }}
sovereignops.io/rank-role: {{ .role }}
{{- if eq .role "worker" }}
sovereignops.io/replica-group: {{ .group | quote }}
{{- end }}
{{- end -}}

{{- define "sm.restrictedContainerSecurity" -}}
allowPrivilegeEscalation: false
privileged: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "sm.podTemplate" -}}
{{- $v := .ctx.Values -}}
{{- $gpu := $v.resources.gpu -}}
metadata:
  labels:
    {{- merge (include "sm.podSelectorLabels" . | fromYaml) (include "sm.labels" .ctx | fromYaml) | toYaml | nindent 4 }}
spec:
  serviceAccountName: {{ include "sm.fullname" .ctx }}
  automountServiceAccountToken: false
  enableServiceLinks: false
  terminationGracePeriodSeconds: {{ $v.workload.terminationGracePeriodSeconds }}
  securityContext:
    runAsNonRoot: true
    runAsUser: {{ $v.security.runAsUser }}
    runAsGroup: {{ $v.security.runAsGroup }}
    fsGroup: {{ $v.security.fsGroup }}
    seccompProfile:
      type: RuntimeDefault
  {{- with $v.placement.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $v.placement.nodeAffinity }}
  affinity:
    nodeAffinity:
      {{- toYaml . | nindent 6 }}
  {{- end }}
  {{- with $v.placement.tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- if eq $v.weights.source "uri" }}
  initContainers:
    - name: fetch-weights
      image: {{ include "sm.image" $v.weights.fetcher.image | quote }}
      imagePullPolicy: IfNotPresent
      env:
        - name: WEIGHTS_URI
          value: {{ $v.weights.uri | quote }}
        - name: WEIGHTS_DIGEST
          value: {{ $v.weights.digest | quote }}
        - name: WEIGHTS_DIR
          value: {{ include "sm.modelPath" .ctx | quote }}
        - name: HOME
          value: /tmp
      resources:
        {{- toYaml $v.weights.fetcher.resources | nindent 8 }}
      securityContext:
        {{- include "sm.restrictedContainerSecurity" . | nindent 8 }}
      volumeMounts:
        - name: weights
          mountPath: /models
        - name: tmp
          mountPath: /tmp
  {{- end }}
  containers:
    - name: {{ $v.runtime.engine }}
      image: {{ include "sm.image" $v.runtime.image | quote }}
      imagePullPolicy: IfNotPresent
      command:
        {{- include "sm.command" . | nindent 8 }}
      args:
        {{- include "sm.args" . | trim | nindent 8 }}
      {{- with (include "sm.ports" . | trim) }}
      ports:
        {{- . | nindent 8 }}
      {{- end }}
      env:
        {{- include "sm.env" . | nindent 8 }}
      {{- with (include "sm.probes" . | trim) }}
      {{- . | nindent 6 }}
      {{- end }}
      resources:
        requests:
          {{- with $v.resources.requests }}
          {{- toYaml . | nindent 10 }}
          {{- end }}
          {{ $gpu.resourceName }}: {{ $gpu.count | quote }}
        limits:
          {{- with $v.resources.limits }}
          {{- toYaml . | nindent 10 }}
          {{- end }}
          {{ $gpu.resourceName }}: {{ $gpu.count | quote }}
      securityContext:
        {{- include "sm.restrictedContainerSecurity" . | nindent 8 }}
      volumeMounts:
        - name: weights
          mountPath: /models
          readOnly: true
        - name: scratch
          mountPath: /scratch
        - name: tmp
          mountPath: /tmp
        - name: shm
          mountPath: /dev/shm
  volumes:
    {{- if eq $v.weights.source "pvc" }}
    - name: weights
      persistentVolumeClaim:
        claimName: {{ $v.weights.claimName }}
        readOnly: true
    {{- else if eq $v.weights.source "oci" }}
    - name: weights
      image:
        reference: {{ include "sm.image" $v.weights.image | quote }}
        pullPolicy: IfNotPresent
    {{- else if not .perPodClaim }}
    - name: weights
      persistentVolumeClaim:
        claimName: {{ include "sm.fullname" .ctx }}-weights
    {{- end }}
    - name: scratch
      emptyDir:
        sizeLimit: {{ $v.resources.scratchSize }}
    - name: tmp
      emptyDir:
        sizeLimit: {{ $v.resources.tmpSize }}
    - name: shm
      emptyDir:
        medium: Memory
        sizeLimit: {{ $v.resources.sharedMemorySize }}
{{- end -}}

{{- define "sm.weightsClaimSpec" -}}
{{- $c := .Values.weights.cache -}}
accessModes:
  - {{ $c.accessMode }}
{{- with $c.storageClassName }}
storageClassName: {{ . }}
{{- end }}
resources:
  requests:
    storage: {{ $c.size }}
{{- end -}}
