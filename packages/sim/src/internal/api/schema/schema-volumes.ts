// Known fields of core/v1 volume sources, PersistentVolumeClaimSpec and PersistentVolumeSpec (Kubernetes 1.32).
import { arr, B, I32, I64, OPEN, obj, Q, RLIST, S, SARR, SMAP, str } from "./dsl.ts";
import {
  LABEL_SELECTOR,
  NODE_SELECTOR,
  OBJECT_META,
  OBJECT_REFERENCE,
  TYPED_LOCAL_OBJECT_REFERENCE,
} from "./schema-meta.ts";

const KEY_TO_PATH = obj("v1.KeyToPath", { key: S, path: S, mode: I32 });

const DOWNWARD_API_FILE = obj("v1.DownwardAPIVolumeFile", {
  path: S,
  fieldRef: obj("v1.ObjectFieldSelector", { apiVersion: S, fieldPath: S }),
  resourceFieldRef: obj("v1.ResourceFieldSelector", { containerName: S, resource: S, divisor: Q }),
  mode: I32,
});

export const PVC_SPEC = obj("v1.PersistentVolumeClaimSpec", {
  accessModes: arr(str("v1.PersistentVolumeAccessMode")),
  selector: LABEL_SELECTOR,
  resources: obj("v1.VolumeResourceRequirements", { limits: RLIST, requests: RLIST }),
  volumeName: S,
  storageClassName: S,
  volumeMode: str("v1.PersistentVolumeMode"),
  dataSource: TYPED_LOCAL_OBJECT_REFERENCE,
  dataSourceRef: obj("v1.TypedObjectReference", { apiGroup: S, kind: S, name: S, namespace: S }),
  volumeAttributesClassName: S,
});

const HOST_PATH = obj("v1.HostPathVolumeSource", { path: S, type: str("v1.HostPathType") });
const NFS = obj("v1.NFSVolumeSource", { server: S, path: S, readOnly: B });

export const VOLUME = obj("v1.Volume", {
  name: S,
  hostPath: HOST_PATH,
  emptyDir: obj("v1.EmptyDirVolumeSource", { medium: str("v1.StorageMedium"), sizeLimit: Q }),
  gcePersistentDisk: obj("v1.GCEPersistentDiskVolumeSource", {
    pdName: S,
    fsType: S,
    partition: I32,
    readOnly: B,
  }),
  awsElasticBlockStore: obj("v1.AWSElasticBlockStoreVolumeSource", {
    volumeID: S,
    fsType: S,
    partition: I32,
    readOnly: B,
  }),
  gitRepo: obj("v1.GitRepoVolumeSource", { repository: S, revision: S, directory: S }),
  secret: obj("v1.SecretVolumeSource", {
    secretName: S,
    items: arr(KEY_TO_PATH),
    defaultMode: I32,
    optional: B,
  }),
  nfs: NFS,
  iscsi: OPEN,
  glusterfs: OPEN,
  persistentVolumeClaim: obj("v1.PersistentVolumeClaimVolumeSource", { claimName: S, readOnly: B }),
  rbd: OPEN,
  flexVolume: OPEN,
  cinder: OPEN,
  cephfs: OPEN,
  flocker: OPEN,
  downwardAPI: obj("v1.DownwardAPIVolumeSource", { items: arr(DOWNWARD_API_FILE), defaultMode: I32 }),
  fc: OPEN,
  azureFile: OPEN,
  configMap: obj("v1.ConfigMapVolumeSource", {
    name: S,
    items: arr(KEY_TO_PATH),
    defaultMode: I32,
    optional: B,
  }),
  vsphereVolume: OPEN,
  quobyte: OPEN,
  azureDisk: OPEN,
  photonPersistentDisk: OPEN,
  projected: obj("v1.ProjectedVolumeSource", {
    sources: arr(
      obj("v1.VolumeProjection", {
        secret: obj("v1.SecretProjection", { name: S, items: arr(KEY_TO_PATH), optional: B }),
        downwardAPI: obj("v1.DownwardAPIProjection", { items: arr(DOWNWARD_API_FILE) }),
        configMap: obj("v1.ConfigMapProjection", { name: S, items: arr(KEY_TO_PATH), optional: B }),
        serviceAccountToken: obj("v1.ServiceAccountTokenProjection", {
          audience: S,
          expirationSeconds: I64,
          path: S,
        }),
        clusterTrustBundle: obj("v1.ClusterTrustBundleProjection", {
          name: S,
          signerName: S,
          labelSelector: LABEL_SELECTOR,
          optional: B,
          path: S,
        }),
      }),
    ),
    defaultMode: I32,
  }),
  portworxVolume: OPEN,
  scaleIO: OPEN,
  storageos: OPEN,
  csi: obj("v1.CSIVolumeSource", {
    driver: S,
    readOnly: B,
    fsType: S,
    volumeAttributes: SMAP,
    nodePublishSecretRef: obj("v1.LocalObjectReference", { name: S }),
  }),
  ephemeral: obj("v1.EphemeralVolumeSource", {
    volumeClaimTemplate: obj("v1.PersistentVolumeClaimTemplate", { metadata: OBJECT_META, spec: PVC_SPEC }),
  }),
  image: obj("v1.ImageVolumeSource", { reference: S, pullPolicy: str("v1.PullPolicy") }),
});

export const PV_SPEC = obj("v1.PersistentVolumeSpec", {
  capacity: RLIST,
  gcePersistentDisk: OPEN,
  awsElasticBlockStore: OPEN,
  hostPath: HOST_PATH,
  glusterfs: OPEN,
  nfs: NFS,
  rbd: OPEN,
  iscsi: OPEN,
  cinder: OPEN,
  cephfs: OPEN,
  fc: OPEN,
  flocker: OPEN,
  flexVolume: OPEN,
  azureFile: OPEN,
  vsphereVolume: OPEN,
  quobyte: OPEN,
  azureDisk: OPEN,
  photonPersistentDisk: OPEN,
  portworxVolume: OPEN,
  scaleIO: OPEN,
  local: obj("v1.LocalVolumeSource", { path: S, fsType: S }),
  storageos: OPEN,
  csi: OPEN,
  accessModes: arr(str("v1.PersistentVolumeAccessMode")),
  claimRef: OBJECT_REFERENCE,
  persistentVolumeReclaimPolicy: str("v1.PersistentVolumeReclaimPolicy"),
  storageClassName: S,
  mountOptions: SARR,
  volumeMode: str("v1.PersistentVolumeMode"),
  nodeAffinity: obj("v1.VolumeNodeAffinity", { required: NODE_SELECTOR }),
  volumeAttributesClassName: S,
});
